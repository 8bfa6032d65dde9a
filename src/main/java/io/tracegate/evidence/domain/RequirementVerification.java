package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A requirement's own verdict from the evidence linked to it (rules 2 to 5 of {@link TraceMatrix}): its criteria,
 * its linked tests and, for analysis, review and inspection requirements, accepted documents. Each that applies
 * gives a verdict; the worst of them is the requirement's own.
 */
final class RequirementVerification {

    private static final String DROP_SUFFIX = "_drop_vs_reference";

    /** Outcomes in the order a reader wants them: what failed first, then what did not run. */
    private static final Comparator<TestNote> NOTE_ORDER = Comparator
            .comparingInt((TestNote n) -> n.outcome().isFailure() ? 0 : n.outcome() == TestOutcome.FLAKY ? 1 : 2)
            .thenComparing(TestNote::test).thenComparing(TestNote::file).thenComparingLong(TestNote::evidenceId);

    /** Reference metrics by name, then by exact scope: a derived drop pairs each value with the same scope's reference. */
    private final Map<String, Map<Map<String, String>, List<Metric>>> referenceByNameAndScope = new HashMap<>();
    private final Map<Long, MetricIndex> metricsOf = new HashMap<>();

    /** The own verdict (null when nothing applies), its reason, and what it was judged on. */
    record Own(Verdict verdict, String reason, List<CriterionResult> criteria, TestTally tests) {
    }

    RequirementVerification(List<Metric> referenceMetrics) {
        referenceMetrics.forEach(m -> referenceByNameAndScope.computeIfAbsent(m.name(), n -> new HashMap<>())
                .computeIfAbsent(m.scope(), scope -> new ArrayList<>()).add(m));
    }

    Own of(TracedRequirement r, List<EvidenceLinks.Link> considered) {
        boolean reviewNeeded = r.asil().atLeast(Asil.B);
        List<CriterionResult> criteria = r.criteria().stream().map(c -> judge(c, considered, reviewNeeded)).toList();
        Tests tests = tests(considered, reviewNeeded);

        Verdict own = null;
        List<String> reasons = new ArrayList<>();
        if (!criteria.isEmpty()) {
            own = Verdict.PASSED;
            for (CriterionResult c : criteria) {
                own = own.worse(c.verdict());
            }
            reasons.add(criteriaReason(criteria));
        }
        if (tests.tally.linked() > 0) {
            Verdict testVerdict = tests.verdict(!criteria.isEmpty());
            if (testVerdict != null) {
                own = own == null ? testVerdict : own.worse(testVerdict);
            }
            reasons.add(tests.reason(reviewNeeded));
        }
        if (r.verifiedByDocuments()) {
            List<EvidenceFacts> documents = considered.stream().map(EvidenceLinks.Link::evidence)
                    .filter(e -> !e.testReport()).toList();
            if (!documents.isEmpty()) {
                boolean accepted = documents.stream().anyMatch(e -> e.review() == ReviewState.ACCEPTED);
                Verdict documentVerdict = accepted ? Verdict.PASSED : Verdict.NOT_COVERED;
                own = own == null ? documentVerdict : own.worse(documentVerdict);
                reasons.add(accepted ? "verified by accepted " + r.method().toLowerCase(java.util.Locale.ROOT)
                        + " evidence" : "linked " + r.method().toLowerCase(java.util.Locale.ROOT) + " evidence awaits review");
            }
        }
        String reason = String.join("; ", reasons);
        if (own == null && !considered.isEmpty()) {
            reason = "linked evidence holds no test for it and it has no criteria; a requirement verified by "
                    + (r.method() == null ? "an unstated method" : r.method())
                    + " is not verified by a review's acceptance (only ANALYSIS, REVIEW and INSPECTION are)";
        }
        return new Own(own, reason.isEmpty() ? null : reason, criteria, tests.tally);
    }

    private static String criteriaReason(List<CriterionResult> criteria) {
        for (CriterionResult c : criteria) {
            if (c.verdict() == Verdict.FAILED) {
                return "criterion not met: " + c.criterion();
            }
        }
        for (CriterionResult c : criteria) {
            if (c.verdict() == Verdict.NOT_COVERED) {
                boolean awaiting = !c.measurements().isEmpty();
                return awaiting ? "criterion met only by unreviewed evidence (ASIL B+ needs accepted evidence): "
                        + c.criterion() : "no measurement for criterion: " + c.criterion();
            }
        }
        return "all " + criteria.size() + " criteria met";
    }

    /** The linked tests: counted, the countable passes, and the notes on those that did not pass. */
    private record Tests(TestTally tally, int countablePasses) {

        /**
         * FAILED on any failure; PASSED with a countable pass; NOT_COVERED when nothing passed (all skipped or
         * flaky), or when the passes await review and no criterion judges the requirement instead.
         */
        Verdict verdict(boolean hasCriteria) {
            if (tally.failed() + tally.errors() > 0) {
                return Verdict.FAILED;
            }
            if (countablePasses > 0) {
                return Verdict.PASSED;
            }
            if (tally.passed() == 0 || !hasCriteria) {
                return Verdict.NOT_COVERED;
            }
            return null;
        }

        String reason(boolean reviewNeeded) {
            int failures = tally.failed() + tally.errors();
            String notes = notes(tally);
            if (failures > 0) {
                return failures + " linked test(s) failed" + notes;
            }
            int notRun = tally.skipped() + tally.flaky();
            if (tally.passed() == 0) {
                return "all " + notRun + " linked test(s) skipped or flaky, none passed" + notes;
            }
            String passed = countablePasses > 0 ? tally.passed() + " linked test(s) passed"
                    : "linked tests passed but their evidence awaits review" + (reviewNeeded ? " (ASIL B+ needs accepted evidence)" : "");
            return notRun == 0 ? passed : passed + "; " + notRun + " skipped or flaky" + notes;
        }
    }

    /** Reasons in the trace are sentences, not logs: the first notes, each message cut; {@code tests.notes} has them whole. */
    private static final int NOTES_IN_REASON = 3;
    private static final int MESSAGE_IN_REASON = 120;

    private static String notes(TestTally tally) {
        if (tally.notes().isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (TestNote n : tally.notes().subList(0, Math.min(NOTES_IN_REASON, tally.notes().size()))) {
            String message = n.message() == null ? null : n.message().strip().replaceAll("\\s+", " ");
            if (message != null && message.length() > MESSAGE_IN_REASON) {
                message = message.substring(0, MESSAGE_IN_REASON) + "…";
            }
            shown.add(new TestNote(n.evidenceId(), n.file(), n.test(), n.outcome(), message, n.passedIn()).describe());
        }
        int more = tally.failed() + tally.errors() + tally.skipped() + tally.flaky() - shown.size();
        return ": " + String.join("; ", shown) + (more > 0 ? "; and " + more + " more" : "");
    }

    private static Tests tests(List<EvidenceLinks.Link> considered, boolean reviewNeeded) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        int flaky = 0;
        int countable = 0;
        Map<String, String> passedIn = new HashMap<>();
        for (EvidenceLinks.Link link : considered) {
            for (TestFact t : link.tests()) {
                if (t.outcome() == TestOutcome.PASSED) {
                    passedIn.putIfAbsent(t.qualifiedName(), link.evidence().fileName());
                }
            }
        }
        List<String> failing = new ArrayList<>();
        List<TestNote> notes = new ArrayList<>();
        for (EvidenceLinks.Link link : considered) {
            EvidenceFacts e = link.evidence();
            for (TestFact t : link.tests()) {
                switch (t.outcome()) {
                    case PASSED -> {
                        passed++;
                        if (!reviewNeeded || e.review() == ReviewState.ACCEPTED) {
                            countable++;
                        }
                    }
                    case FAILED -> failed++;
                    case ERROR -> errors++;
                    case SKIPPED -> skipped++;
                    case FLAKY -> flaky++;
                }
                if (t.outcome() != TestOutcome.PASSED) {
                    String other = t.outcome().isFailure() ? passedIn.get(t.qualifiedName()) : null;
                    notes.add(new TestNote(e.id(), e.fileName(), t.qualifiedName(), t.outcome(), t.message(), other));
                }
            }
        }
        notes.sort(NOTE_ORDER);
        notes.stream().filter(n -> n.outcome().isFailure()).limit(TestTally.NAMED).forEach(n -> failing.add(n.test()));
        List<TestNote> shown = notes.size() > TestTally.NAMED ? notes.subList(0, TestTally.NAMED) : notes;
        return new Tests(new TestTally(passed, failed, errors, skipped, flaky, failing, shown), countable);
    }

    private CriterionResult judge(AcceptanceCriterion c, List<EvidenceLinks.Link> considered, boolean reviewNeeded) {
        List<Measurement> values = new ArrayList<>();
        for (EvidenceLinks.Link link : considered) {
            EvidenceFacts e = link.evidence();
            boolean counts = !reviewNeeded || e.review() == ReviewState.ACCEPTED;
            for (Metric m : candidates(e, c.metric(), c.scope())) {
                if (m.covers(c.scope())) {
                    values.add(new Measurement(e.id(), m.toString(), m.value(), c.isMetBy(m.value()), false, counts));
                }
            }
        }
        if (values.isEmpty() && c.metric().endsWith(DROP_SUFFIX)) {
            derivedDrops(c, considered, reviewNeeded, values);
        }
        Verdict verdict;
        if (values.isEmpty()) {
            verdict = Verdict.NOT_COVERED;
        } else if (values.stream().anyMatch(v -> !v.met())) {
            verdict = Verdict.FAILED;
        } else if (values.stream().anyMatch(Measurement::counts)) {
            verdict = Verdict.PASSED;
        } else {
            verdict = Verdict.NOT_COVERED;
        }
        return new CriterionResult(c.toString(), verdict, values);
    }

    /** {@code <m>_drop_vs_reference}: reference value minus this value, x100 for ratios (percentage points). */
    private void derivedDrops(AcceptanceCriterion c, List<EvidenceLinks.Link> considered, boolean reviewNeeded,
                              List<Measurement> values) {
        String base = c.metric().substring(0, c.metric().length() - DROP_SUFFIX.length());
        Map<Map<String, String>, List<Metric>> reference = referenceByNameAndScope.getOrDefault(base, Map.of());
        for (EvidenceLinks.Link link : considered) {
            EvidenceFacts e = link.evidence();
            boolean counts = !reviewNeeded || e.review() == ReviewState.ACCEPTED;
            for (Metric m : candidates(e, base, c.scope())) {
                if (!m.covers(c.scope())) {
                    continue;
                }
                for (Metric ref : reference.getOrDefault(m.scope(), List.of())) {
                    for (BigDecimal drop : m.dropFrom(ref).stream().toList()) {
                        String formula = c.metric() + m.scope().toString().replace('{', '[').replace('}', ']')
                                + " = reference " + ref.value().toPlainString() + " - " + m.value().toPlainString()
                                + (m.unit() == null ? " (x100, pp)" : " (" + m.unit() + ")");
                        values.add(new Measurement(e.id(), formula, drop, c.isMetBy(drop), true, counts));
                    }
                }
            }
        }
    }

    /** The metrics of {@code e} named {@code name} that may contain {@code scope}; callers still check. */
    private List<Metric> candidates(EvidenceFacts e, String name, Map<String, String> scope) {
        return metricsOf.computeIfAbsent(e.id(), key -> new MetricIndex(e.metrics())).candidates(name, scope);
    }

    /**
     * One evidence item's metrics by name and, within a name, by each scope entry. An evaluation report holds a
     * value per class and data set: matching a criterion against every value of its metric made the matrix
     * quadratic, so only those sharing the criterion's most selective scope entry are looked at. Every list
     * keeps the item's order, so measurements come out in the same order as from a full scan.
     */
    private static final class MetricIndex {
        private final Map<String, List<Metric>> byName = new HashMap<>();
        private final Map<String, Map<String, Map<String, List<Metric>>>> byNameAndEntry = new HashMap<>();

        MetricIndex(List<Metric> metrics) {
            for (Metric m : metrics) {
                byName.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m);
                Map<String, Map<String, List<Metric>>> entries = byNameAndEntry.computeIfAbsent(m.name(), n -> new HashMap<>());
                for (Map.Entry<String, String> entry : m.scope().entrySet()) {
                    entries.computeIfAbsent(entry.getKey(), k -> new HashMap<>())
                            .computeIfAbsent(entry.getValue(), v -> new ArrayList<>()).add(m);
                }
            }
        }

        List<Metric> candidates(String name, Map<String, String> scope) {
            List<Metric> smallest = byName.getOrDefault(name, List.of());
            Map<String, Map<String, List<Metric>>> entries = byNameAndEntry.getOrDefault(name, Map.of());
            for (Map.Entry<String, String> wanted : scope.entrySet()) {
                if (smallest.isEmpty()) {
                    break;
                }
                List<Metric> sharing = entries.getOrDefault(wanted.getKey(), Map.of())
                        .getOrDefault(wanted.getValue(), List.of());
                if (sharing.size() < smallest.size()) {
                    smallest = sharing;
                }
            }
            return smallest;
        }
    }
}
