package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random release, as a list of operations a user could have done in any order: upload a file, link the baseline,
 * review a file, waive a requirement or a finding. {@link #replay} applies them the way the application does (a
 * review remembers the baseline the release had at that moment) and gives the trace input of the final state.
 * Test names name requirements as pytest does ({@code test_mlr_3_night}); criteria use two metrics.
 */
final class ReleaseHistory {

    static final long BASELINE = 10;
    static final long EARLIER = 9;
    static final List<String> METHODS = List.of("HIL", "SIL", "ANALYSIS", "REVIEW");

    sealed interface Operation permits Upload, LinkBaseline, Review {
    }

    record Upload(EvidenceFacts file) implements Operation {
    }

    record LinkBaseline(long baselineId) implements Operation {
    }

    record Review(long evidenceId, ReviewState decision) implements Operation {
    }

    final List<TracedRequirement> requirements = new ArrayList<>();
    final List<Operation> operations = new ArrayList<>();
    final Map<RequirementId, String> earlierFingerprints = new HashMap<>();
    final Set<RequirementId> waived = new HashSet<>();
    final List<Finding> findings = new ArrayList<>();
    final Set<String> waivedFindings = new HashSet<>();
    /** Files reviewed under {@link #EARLIER} before the history starts (a baseline switch long ago). */
    final Map<Long, ReviewState> reviewedEarlier = new HashMap<>();

    static ReleaseHistory random(long seed) {
        Random random = new Random(seed);
        ReleaseHistory h = new ReleaseHistory();
        int size = 2 + random.nextInt(10);
        for (int i = 0; i < size; i++) {
            List<RequirementId> parents = new ArrayList<>();
            if (i > 0 && random.nextInt(3) > 0) {
                parents.add(id(random.nextInt(i)));
            }
            List<AcceptanceCriterion> criteria = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                criteria.add(AcceptanceCriterion.parse("recall >= 0.9"));
            }
            if (random.nextInt(5) == 0) {
                criteria.add(AcceptanceCriterion.parse("latency_ms <= 30 ms"));
            }
            String method = random.nextInt(6) == 0 ? null : METHODS.get(random.nextInt(METHODS.size()));
            h.requirements.add(new TracedRequirement(id(i), "R" + i, Asil.values()[random.nextInt(5)], parents,
                    criteria, method, "fp-" + i));
            h.earlierFingerprints.put(id(i), random.nextInt(4) == 0 ? "fp-" + i + "-before" : "fp-" + i);
        }
        int files = random.nextInt(7);
        h.operations.add(new LinkBaseline(BASELINE));
        for (int f = 1; f <= files; f++) {
            h.operations.add(new Upload(h.randomFile(f, random, size)));
            int reviews = random.nextInt(3);
            for (int r = 0; r < reviews; r++) {
                h.operations.add(new Review(f, random.nextInt(4) == 0 ? ReviewState.REJECTED : ReviewState.ACCEPTED));
            }
            if (random.nextInt(6) == 0) {
                h.reviewedEarlier.put((long) f, ReviewState.ACCEPTED);
            }
        }
        for (int i = 0; i < size; i++) {
            if (random.nextInt(6) == 0) {
                h.waived.add(id(i));
            }
        }
        if (random.nextInt(3) == 0) {
            h.findings.add(new Finding(Finding.Severity.values()[random.nextInt(3)], "code-" + random.nextInt(3), "m"));
        }
        if (random.nextBoolean()) {
            h.waivedFindings.add("code-" + random.nextInt(3));
        }
        return h;
    }

    static RequirementId id(int i) {
        return new RequirementId("MLR-" + i);
    }

    /** A file: a test report whose tests name requirements, or a document/KPI file naming some in its upload. */
    EvidenceFacts randomFile(long fileId, Random random, int size) {
        if (random.nextBoolean()) {
            List<TestFact> tests = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int t = 0; t < n; t++) {
                tests.add(test(random.nextInt(size), TestOutcome.values()[random.nextInt(TestOutcome.values().length)], t));
            }
            return new EvidenceFacts(fileId, "junit-" + fileId + ".xml", ReviewState.UNREVIEWED, null, true,
                    Set.of(), List.of(), tests);
        }
        Set<String> named = new HashSet<>();
        int n = 1 + random.nextInt(3);
        for (int t = 0; t < n; t++) {
            named.add(random.nextInt(8) == 0 ? "MLR-UNKNOWN-" + t : id(random.nextInt(size)).value());
        }
        List<Metric> metrics = new ArrayList<>();
        if (random.nextBoolean()) {
            metrics.add(Metric.of("recall", new BigDecimal("0." + (80 + random.nextInt(20))), null, Map.of()));
        }
        if (random.nextInt(3) == 0) {
            metrics.add(Metric.of("latency_ms", BigDecimal.valueOf(20 + random.nextInt(20)), "ms", Map.of()));
        }
        return new EvidenceFacts(fileId, "kpi-" + fileId + ".csv", ReviewState.UNREVIEWED, null, false, named,
                metrics, List.of());
    }

    static TestFact test(int requirement, TestOutcome outcome, int n) {
        String name = "test_" + id(requirement).value().toLowerCase(Locale.ROOT).replace('-', '_') + "_case" + n;
        return new TestFact("suite", name, outcome, outcome == TestOutcome.PASSED ? null : "because " + n, Set.of());
    }

    /** The trace input after applying {@code order} as the application would. */
    TraceInput replay(List<Operation> order) {
        Long baseline = null;
        Map<Long, EvidenceFacts> files = new LinkedHashMap<>();
        Map<Long, ReviewState> review = new HashMap<>();
        Map<Long, Long> reviewBaseline = new HashMap<>();
        reviewedEarlier.forEach((file, decision) -> {
            review.put(file, decision);
            reviewBaseline.put(file, EARLIER);
        });
        for (Operation op : order) {
            if (op instanceof LinkBaseline link) {
                baseline = link.baselineId();
            } else if (op instanceof Upload upload) {
                files.put(upload.file().id(), upload.file());
            } else if (op instanceof Review r) {
                review.put(r.evidenceId(), r.decision());
                reviewBaseline.put(r.evidenceId(), baseline);
            }
        }
        List<EvidenceFacts> evidence = new ArrayList<>();
        for (EvidenceFacts f : files.values()) {
            ReviewState state = review.getOrDefault(f.id(), ReviewState.UNREVIEWED);
            evidence.add(new EvidenceFacts(f.id(), f.fileName(), state,
                    state == ReviewState.UNREVIEWED ? null : reviewBaseline.get(f.id()), f.testReport(), f.named(),
                    f.metrics(), f.tests()));
        }
        return new TraceInput(BASELINE, requirements, evidence, List.of(), Map.of(EARLIER, earlierFingerprints),
                waived, findings, waivedFindings);
    }

    TraceInput replay() {
        return replay(operations);
    }
}
