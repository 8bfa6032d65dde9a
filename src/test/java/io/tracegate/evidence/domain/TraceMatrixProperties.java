package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict rules of {@link TraceMatrix} as properties over random releases ({@link ReleaseHistory}): each is
 * checked against the input by a rule written here independently of the matrix code, not against examples.
 */
class TraceMatrixProperties {

    @Property(tries = 400)
    void noRequirementPassesWithoutAPassingTestAMetCriterionAcceptedAnalysisOrPassingChildren(@ForAll long seed) {
        ReleaseHistory history = ReleaseHistory.random(seed);
        TraceInput input = history.replay();
        TraceMatrix matrix = TraceMatrix.compute(input);
        Map<RequirementId, TraceRow> rows = byId(matrix);

        for (TracedRequirement r : input.requirements()) {
            TraceRow row = rows.get(r.id());
            if (row.verdict() != Verdict.PASSED) {
                continue;
            }
            boolean childrenCarry = !row.children().isEmpty()
                    && row.children().stream().allMatch(c -> rows.get(c).verdict().isGreen());
            assertThat(childrenCarry || Support.of(input, r))
                    .as("%s is PASSED (%s) without support of its own or from its children", r.id(), row.reason())
                    .isTrue();
        }
    }

    @Property(tries = 400)
    void addingAFailingOrSkippedResultNeverImprovesAnyVerdict(@ForAll long seed,
                                                              @ForAll @IntRange(min = 0, max = 2) int kind) {
        ReleaseHistory history = ReleaseHistory.random(seed);
        TraceInput before = history.replay();
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int target = random.nextInt(before.requirements().size());
        long fileId = 1000;
        // A failing value is one that fails a criterion of the requirement; one without criteria gets a failed test.
        boolean hasCriteria = !before.requirements().get(target).criteria().isEmpty();
        EvidenceFacts added = switch (kind == 2 && !hasCriteria ? 0 : kind) {
            case 0 -> new EvidenceFacts(fileId, "late.xml", randomReview(random), ReleaseHistory.BASELINE, true, Set.of(),
                    List.of(), List.of(ReleaseHistory.test(target, TestOutcome.FAILED, 9)));
            case 1 -> new EvidenceFacts(fileId, "late.xml", randomReview(random), ReleaseHistory.BASELINE, true, Set.of(),
                    List.of(), List.of(ReleaseHistory.test(target, random.nextBoolean() ? TestOutcome.SKIPPED
                    : TestOutcome.FLAKY, 9)));
            default -> new EvidenceFacts(fileId, "late.csv", randomReview(random), ReleaseHistory.BASELINE, false,
                    Set.of(ReleaseHistory.id(target).value()), List.of(Metric.of("recall", new java.math.BigDecimal("0.5"),
                    null, Map.of()), Metric.of("latency_ms", new java.math.BigDecimal("99"), "ms", Map.of())), List.of());
        };
        List<EvidenceFacts> more = new ArrayList<>(before.evidence());
        more.add(added);
        TraceInput after = new TraceInput(before.baselineId(), before.requirements(), more, before.referenceMetrics(),
                before.earlierFingerprints(), before.waived(), before.findings(), before.waivedFindings());

        Map<RequirementId, TraceRow> was = byId(TraceMatrix.compute(before));
        Map<RequirementId, TraceRow> is = byId(TraceMatrix.compute(after));
        for (RequirementId id : was.keySet()) {
            assertThat(is.get(id).verdict().severity())
                    .as("%s went from %s to %s", id, was.get(id).verdict(), is.get(id).verdict())
                    .isGreaterThanOrEqualTo(was.get(id).verdict().severity());
        }
    }

    @Property(tries = 300)
    void anyOrderOfUploadsBaselineLinkAndReviewsGivesTheSameMatrix(@ForAll long seed, @ForAll long shuffle) {
        ReleaseHistory history = ReleaseHistory.random(seed);
        TraceMatrix inOrder = TraceMatrix.compute(history.replay());

        List<ReleaseHistory.Operation> reordered = interleave(history.operations, new Random(shuffle));
        TraceMatrix shuffled = TraceMatrix.compute(history.replay(reordered));

        assertThat(shuffled.rows()).isEqualTo(inOrder.rows());
        assertThat(shuffled.gate()).isEqualTo(inOrder.gate());
        assertThat(shuffled.warnings()).isEqualTo(inOrder.warnings());
    }

    @Property(tries = 300)
    void theOrderTheInputListsThingsInDoesNotMatter(@ForAll long seed, @ForAll long shuffle) {
        TraceInput input = ReleaseHistory.random(seed).replay();
        Random random = new Random(shuffle);
        List<EvidenceFacts> evidence = new ArrayList<>(input.evidence());
        Collections.shuffle(evidence, random);
        List<TracedRequirement> requirements = new ArrayList<>(input.requirements());
        Collections.shuffle(requirements, random);
        List<Finding> findings = new ArrayList<>(input.findings());
        Collections.shuffle(findings, random);
        TraceInput permuted = new TraceInput(input.baselineId(), requirements, evidence, input.referenceMetrics(),
                input.earlierFingerprints(), input.waived(), findings, input.waivedFindings());

        assertThat(byId(TraceMatrix.compute(permuted))).isEqualTo(byId(TraceMatrix.compute(input)));
        assertThat(TraceMatrix.compute(permuted).gate()).isEqualTo(TraceMatrix.compute(input).gate());
    }

    @Property(tries = 400)
    void noParentIsBetterThanItsWorstChild(@ForAll long seed) {
        TraceInput input = ReleaseHistory.random(seed).replay();
        Map<RequirementId, TraceRow> rows = byId(TraceMatrix.compute(input));

        for (TraceRow row : rows.values()) {
            if (row.verdict() == Verdict.WAIVED) {
                assertThat(input.waived()).contains(row.id());
                continue;
            }
            for (RequirementId child : row.children()) {
                assertThat(row.verdict().severity()).as("%s (%s) against child %s (%s)", row.id(), row.verdict(), child,
                        rows.get(child).verdict()).isGreaterThanOrEqualTo(rows.get(child).verdict().severity());
            }
        }
    }

    @Property(tries = 400)
    void aCrossCheckErrorKeepsTheGateRedUnlessWaived(@ForAll long seed) {
        TraceInput input = ReleaseHistory.random(seed).replay();
        TraceMatrix matrix = TraceMatrix.compute(input);

        boolean unwaivedError = input.findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR
                && !input.waivedFindings().contains(f.code()));
        boolean allGreen = matrix.rows().stream().allMatch(r -> r.verdict().isGreen());
        assertThat(matrix.gate().green()).isEqualTo(!unwaivedError && allGreen && !matrix.rows().isEmpty());
        if (unwaivedError) {
            assertThat(matrix.gate().blockingNames()).anyMatch(n -> n.startsWith("cross-check "));
        }
    }

    private static ReviewState randomReview(Random random) {
        return random.nextBoolean() ? ReviewState.ACCEPTED : ReviewState.UNREVIEWED;
    }

    private static Map<RequirementId, TraceRow> byId(TraceMatrix matrix) {
        Map<RequirementId, TraceRow> rows = new HashMap<>();
        matrix.rows().forEach(r -> rows.put(r.id(), r));
        return rows;
    }

    /**
     * A random interleaving that keeps what must stay in order: a file is uploaded before it is reviewed, and its
     * reviews keep their order (the latest decision counts).
     */
    private static List<ReleaseHistory.Operation> interleave(List<ReleaseHistory.Operation> operations, Random random) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            slots.add(i);
        }
        Collections.shuffle(slots, random);
        // Operations of one chain (a file's upload and reviews, or the baseline link) take that chain's slots in order.
        Map<Object, List<Integer>> slotsOfChain = new HashMap<>();
        Map<Object, List<ReleaseHistory.Operation>> chains = new java.util.LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Object chain = chainOf(operations.get(i));
            chains.computeIfAbsent(chain, c -> new ArrayList<>()).add(operations.get(i));
            slotsOfChain.computeIfAbsent(chain, c -> new ArrayList<>()).add(slots.get(i));
        }
        ReleaseHistory.Operation[] result = new ReleaseHistory.Operation[operations.size()];
        chains.forEach((chain, ops) -> {
            List<Integer> mine = slotsOfChain.get(chain);
            Collections.sort(mine);
            for (int k = 0; k < ops.size(); k++) {
                result[mine.get(k)] = ops.get(k);
            }
        });
        return List.of(result);
    }

    private static Object chainOf(ReleaseHistory.Operation op) {
        if (op instanceof ReleaseHistory.Upload u) {
            return u.file().id();
        }
        if (op instanceof ReleaseHistory.Review r) {
            return r.evidenceId();
        }
        return "baseline";
    }
}
