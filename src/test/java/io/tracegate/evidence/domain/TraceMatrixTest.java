package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TraceMatrixTest {

    static final long BASELINE = 7;

    private final List<TracedRequirement> requirements = new ArrayList<>();
    private final List<EvidenceFacts> evidence = new ArrayList<>();
    private final List<Metric> reference = new ArrayList<>();
    private final Map<Long, Map<RequirementId, String>> earlier = new HashMap<>();
    private final Set<RequirementId> waived = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> waivedFindings = new HashSet<>();

    private static RequirementId id(String id) {
        return new RequirementId(id);
    }

    private void requirement(String id, Asil asil, List<String> parents, String... criteria) {
        requirement(id, "HIL", asil, parents, criteria);
    }

    private void requirement(String id, String method, Asil asil, List<String> parents, String... criteria) {
        requirements.add(new TracedRequirement(id(id), "title of " + id, asil,
                parents.stream().map(TraceMatrixTest::id).toList(),
                java.util.Arrays.stream(criteria).map(AcceptanceCriterion::parse).toList(), method, "fp-" + id));
    }

    private static Metric metric(String name, String value, String unit, Map<String, String> scope) {
        return Metric.of(name, new BigDecimal(value), unit, scope);
    }

    static TestFact test(String name, TestOutcome outcome, String... named) {
        return new TestFact("suite", name, outcome, outcome == TestOutcome.PASSED ? null : "why " + name, Set.of(named));
    }

    /** An item whose upload names {@code linkedTo}; reviewed (if at all) under the current baseline. */
    private void evidence(long id, ReviewState review, List<Metric> metrics, List<TestFact> tests, String... linkedTo) {
        evidence.add(new EvidenceFacts(id, "file-" + id, review, review == ReviewState.UNREVIEWED ? null : BASELINE,
                !tests.isEmpty(), Set.of(linkedTo), metrics, tests));
    }

    private TraceMatrix compute() {
        return TraceMatrix.compute(new TraceInput(BASELINE, requirements, evidence, reference, earlier, waived,
                findings, waivedFindings));
    }

    private Verdict verdictOf(String id) {
        return compute().row(id(id)).orElseThrow().verdict();
    }

    @Test
    void aCriterionMetByAcceptedEvidencePasses() {
        requirement("MLR-1", Asil.B, List.of(), "recall[class=pedestrian] >= 0.95");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.951", null, Map.of("class", "pedestrian", "set", "night"))),
                List.of(), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(row.criteria().get(0).measurements()).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("0.951"));
        assertThat(row.evidence()).containsExactly(1L);
    }

    @Test
    void oneFailingValueFailsTheCriterionEvenWhenAnotherMeetsIt() {
        requirement("MLR-1", Asil.A, List.of(), "latency.p99_ms[target=orin] <= 30 ms");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("latency.p99_ms", "21.4", "ms", Map.of("target", "orin"))), List.of(), "MLR-1");
        evidence(2, ReviewState.ACCEPTED, List.of(metric("latency.p99_ms", "30.2", "ms", Map.of("target", "orin"))), List.of(), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(row.reason()).contains("latency.p99_ms[target=orin] <= 30 ms");
    }

    @Test
    void aMetricOutsideTheCriterionScopeDoesNotCount() {
        requirement("MLR-1", Asil.A, List.of(), "recall[class=pedestrian, set=night-hil] >= 0.9");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.5", null, Map.of("class", "pedestrian", "set", "day-hil")),
                metric("recall", "0.5", null, Map.of("class", "pedestrian"))), List.of(), "MLR-1");

        assertThat(verdictOf("MLR-1")).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void unreviewedEvidenceCannotPassAnAsilBRequirementButCanPassAsilA() {
        requirement("MLR-B", Asil.B, List.of(), "recall >= 0.9");
        requirement("MLR-A", Asil.A, List.of(), "recall >= 0.9");
        evidence(1, ReviewState.UNREVIEWED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-B", "MLR-A");

        TraceMatrix matrix = compute();

        assertThat(matrix.row(id("MLR-B")).orElseThrow().verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(matrix.row(id("MLR-B")).orElseThrow().reason()).contains("unreviewed");
        assertThat(matrix.row(id("MLR-A")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void aFailingValueFromUnreviewedEvidenceStillFails() {
        requirement("MLR-1", Asil.D, List.of(), "recall >= 0.9");
        evidence(1, ReviewState.UNREVIEWED, List.of(metric("recall", "0.85", null, Map.of())), List.of(), "MLR-1");

        assertThat(verdictOf("MLR-1")).isEqualTo(Verdict.FAILED);
    }

    @Test
    void rejectedEvidenceIsDisregarded() {
        requirement("MLR-1", Asil.B, List.of(), "recall >= 0.9");
        evidence(1, ReviewState.REJECTED, List.of(metric("recall", "0.5", null, Map.of())), List.of(), "MLR-1");
        evidence(2, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(row.evidence()).containsExactly(2L);
    }

    @Test
    void evidenceThatIsNotLinkedDoesNotCount() {
        requirement("MLR-1", Asil.A, List.of(), "recall >= 0.9");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of());

        assertThat(verdictOf("MLR-1")).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void aDropAgainstTheReferenceIsDerivedInPercentagePoints() {
        requirement("MLR-1", Asil.B, List.of(), "recall_drop_vs_reference[class=cyclist] <= 0.5 pp");
        reference.add(metric("recall", "0.912", null, Map.of("class", "cyclist", "set", "val")));
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.905", null, Map.of("class", "cyclist", "set", "val"))),
                List.of(), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.verdict()).isEqualTo(Verdict.FAILED);
        Measurement drop = row.criteria().get(0).measurements().get(0);
        assertThat(drop.derived()).isTrue();
        assertThat(drop.value()).isEqualByComparingTo("0.7");
        assertThat(drop.metric()).contains("reference 0.912 - 0.905");
    }

    @Test
    void aCriterionIsJudgedOnEveryValueWhoseScopeContainsItsOwnInTheEvidenceOrder() {
        requirement("MLR-1", Asil.B, List.of(), "recall[class=pedestrian, set=night] >= 0.9");
        requirement("MLR-2", Asil.B, List.of(), "recall[class=pedestrian] >= 0.9");
        evidence(1, ReviewState.ACCEPTED, List.of(
                metric("recall", "0.95", null, Map.of("class", "pedestrian", "set", "night", "target", "orin")),
                metric("recall", "0.80", null, Map.of("class", "pedestrian", "set", "day")),
                metric("recall", "0.50", null, Map.of("class", "cyclist", "set", "night")),
                metric("recall", "0.92", null, Map.of("class", "pedestrian", "set", "night")),
                metric("precision", "0.10", null, Map.of("class", "pedestrian", "set", "night"))), List.of(), "MLR-1", "MLR-2");

        TraceMatrix matrix = compute();

        assertThat(matrix.row(id("MLR-1")).orElseThrow().criteria().get(0).measurements())
                .extracting(Measurement::value).map(BigDecimal::toPlainString).containsExactly("0.95", "0.92");
        assertThat(matrix.row(id("MLR-1")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(matrix.row(id("MLR-2")).orElseThrow().criteria().get(0).measurements())
                .extracting(Measurement::value).map(BigDecimal::toPlainString).containsExactly("0.95", "0.80", "0.92");
        assertThat(matrix.row(id("MLR-2")).orElseThrow().verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aDerivedDropPairsEachValueWithTheReferenceOfTheSameScopeAndUnit() {
        requirement("MLR-1", Asil.A, List.of(), "latency_drop_vs_reference[target=orin] <= 5 ms");
        reference.add(metric("latency", "20", "ms", Map.of("target", "orin", "set", "day")));
        reference.add(metric("latency", "30", "ms", Map.of("target", "orin", "set", "night")));
        reference.add(metric("latency", "0.02", "s", Map.of("target", "orin", "set", "day")));
        evidence(1, ReviewState.ACCEPTED, List.of(metric("latency", "22", "ms", Map.of("target", "orin", "set", "day")),
                metric("latency", "21", "ms", Map.of("target", "orin", "set", "night"))), List.of(), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.criteria().get(0).measurements()).extracting(Measurement::value).map(BigDecimal::toPlainString)
                .containsExactly("-2", "9");
        assertThat(row.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aDirectlyMeasuredDropIsUsedAsMeasured() {
        requirement("MLR-1", Asil.A, List.of(), "map_drop_vs_reference <= 1.0 pp");
        reference.add(metric("map", "0.9", null, Map.of()));
        evidence(1, ReviewState.ACCEPTED, List.of(metric("map_drop_vs_reference", "0.4", "pp", Map.of()),
                metric("map", "0.5", null, Map.of())), List.of(), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(row.criteria().get(0).measurements()).singleElement().satisfies(m -> assertThat(m.derived()).isFalse());
    }

    @Test
    void aFailedLinkedTestFailsTheRequirementAndIsNamed() {
        requirement("MLR-1", Asil.A, List.of());
        evidence(1, ReviewState.ACCEPTED, List.of(), List.of(
                test("frameDrop", TestOutcome.FAILED), test("deadPixels", TestOutcome.PASSED)), "MLR-1");

        TraceRow row = compute().row(id("MLR-1")).orElseThrow();

        assertThat(row.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(row.tests().failing()).containsExactly("suite.frameDrop");
        assertThat(row.tests().passed()).isEqualTo(1);
    }

    @Test
    void testsLinkedByTheirOwnPropertyCountOnlyForTheRequirementTheyName() {
        requirement("MLR-1", Asil.A, List.of());
        requirement("MLR-2", Asil.A, List.of());
        evidence(1, ReviewState.ACCEPTED, List.of(), List.of(
                test("a", TestOutcome.PASSED, "MLR-1"), test("b", TestOutcome.FAILED, "mlr-2")));

        TraceMatrix matrix = compute();

        assertThat(matrix.row(id("MLR-1")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(matrix.row(id("MLR-2")).orElseThrow().verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aParentPassesOnlyWhenAllChildrenPass() {
        requirement("SG-1", Asil.D, List.of());
        requirement("MLR-1", Asil.A, List.of("SG-1"), "recall >= 0.9");
        requirement("MLR-2", Asil.A, List.of("SG-1"), "recall >= 0.9");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-1", "MLR-2");
        assertThat(verdictOf("SG-1")).isEqualTo(Verdict.PASSED);

        requirement("MLR-3", Asil.A, List.of("SG-1"), "recall >= 0.9");
        TraceRow parent = compute().row(id("SG-1")).orElseThrow();

        assertThat(parent.verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(parent.reason()).contains("MLR-3");
        assertThat(parent.children()).containsExactly(id("MLR-1"), id("MLR-2"), id("MLR-3"));
    }

    @Test
    void aParentIsAsBadAsItsWorstChild() {
        requirement("SG-1", Asil.D, List.of());
        requirement("FSR-1", Asil.D, List.of("SG-1"));
        requirement("MLR-1", Asil.A, List.of("FSR-1"), "recall >= 0.9");
        requirement("MLR-2", Asil.A, List.of("FSR-1"), "recall >= 0.99");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-1", "MLR-2");

        assertThat(verdictOf("SG-1")).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aWaivedChildCountsAsPassedAndTheWaivedRequirementIsWaived() {
        requirement("SG-1", Asil.D, List.of());
        requirement("MLR-1", Asil.A, List.of("SG-1"), "recall >= 0.99");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-1");
        waived.add(id("MLR-1"));

        TraceMatrix matrix = compute();

        assertThat(matrix.row(id("MLR-1")).orElseThrow().verdict()).isEqualTo(Verdict.WAIVED);
        assertThat(matrix.row(id("SG-1")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(matrix.gate().green()).isTrue();
    }

    @Test
    void anAcceptanceMadeAgainstAnotherVersionOfTheRequirementIsSuspect() {
        requirement("MLR-1", Asil.B, List.of(), "recall >= 0.9");
        requirement("MLR-2", Asil.B, List.of(), "recall >= 0.9");
        evidence.add(new EvidenceFacts(1, "kpi.csv", ReviewState.ACCEPTED, 3L, false, Set.of("MLR-1", "MLR-2"),
                List.of(metric("recall", "0.95", null, Map.of())), List.of()));
        earlier.put(3L, Map.of(id("MLR-1"), "fp-MLR-1-as-it-was", id("MLR-2"), "fp-MLR-2"));

        TraceMatrix matrix = compute();

        TraceRow changed = matrix.row(id("MLR-1")).orElseThrow();
        assertThat(changed.verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(changed.suspectEvidence()).containsExactly(1L);
        assertThat(matrix.row(id("MLR-2")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anAcceptanceMadeBeforeTheRequirementExistedIsSuspectAndAcceptingAgainMendsIt() {
        requirement("MLR-1", Asil.B, List.of(), "recall >= 0.9");
        evidence.add(new EvidenceFacts(1, "kpi.csv", ReviewState.ACCEPTED, 3L, false, Set.of("MLR-1"),
                List.of(metric("recall", "0.95", null, Map.of())), List.of()));
        earlier.put(3L, Map.of());
        assertThat(verdictOf("MLR-1")).isEqualTo(Verdict.SUSPECT);

        evidence.clear();
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-1");
        assertThat(verdictOf("MLR-1")).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anAnalysisRequirementWithoutCriteriaIsVerifiedByAcceptedAnalysisEvidence() {
        requirement("TSR-1", "ANALYSIS", Asil.C, List.of());
        evidence(1, ReviewState.UNREVIEWED, List.of(), List.of(), "TSR-1");
        assertThat(verdictOf("TSR-1")).isEqualTo(Verdict.NOT_COVERED);

        evidence.clear();
        evidence(1, ReviewState.ACCEPTED, List.of(), List.of(), "TSR-1");
        assertThat(verdictOf("TSR-1")).isEqualTo(Verdict.PASSED);
    }

    @Test
    void theGateIsRedWhileAnyRequirementIsNotPassedAndNamesTheWorstFirst() {
        requirement("MLR-1", Asil.A, List.of(), "recall >= 0.9");
        requirement("MLR-2", Asil.A, List.of(), "recall >= 0.99");
        requirement("MLR-3", Asil.A, List.of(), "precision >= 0.9");
        evidence(1, ReviewState.ACCEPTED, List.of(metric("recall", "0.95", null, Map.of())), List.of(), "MLR-1", "MLR-2");

        Gate gate = compute().gate();

        assertThat(gate.green()).isFalse();
        assertThat(gate.blocking()).containsExactly(id("MLR-2"), id("MLR-3"));
        assertThat(gate.counts()).containsEntry(Verdict.PASSED, 1).containsEntry(Verdict.FAILED, 1)
                .containsEntry(Verdict.NOT_COVERED, 1);
    }

    @Test
    void aTenThousandDeepDecompositionIsResolvedWithoutRecursion() {
        requirement("R-0", Asil.A, List.of());
        for (int i = 1; i < 10_000; i++) {
            requirement("R-" + i, Asil.A, List.of("R-" + (i - 1)));
        }
        evidence(1, ReviewState.ACCEPTED, List.of(), List.of(test("t", TestOutcome.PASSED)), "R-9999");

        TraceMatrix matrix = compute();

        assertThat(matrix.row(id("R-0")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(matrix.gate().green()).isTrue();
    }
}
