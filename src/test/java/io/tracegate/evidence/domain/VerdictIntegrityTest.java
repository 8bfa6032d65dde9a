package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The defects an acceptance run found (issue 13), each pinned as a rule of the verdict. */
class VerdictIntegrityTest {

    private static final long BASELINE = 1;

    private final List<TracedRequirement> requirements = new ArrayList<>();
    private final List<EvidenceFacts> evidence = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final java.util.Set<String> waivedFindings = new java.util.HashSet<>();

    private static RequirementId id(String id) {
        return new RequirementId(id);
    }

    private void requirement(String id, String method, Asil asil, String... criteria) {
        requirements.add(new TracedRequirement(id(id), id, asil, List.of(),
                java.util.Arrays.stream(criteria).map(AcceptanceCriterion::parse).toList(), method, "fp-" + id));
    }

    private void report(long id, String file, ReviewState review, TestFact... tests) {
        evidence.add(new EvidenceFacts(id, file, review, review == ReviewState.UNREVIEWED ? null : BASELINE, true,
                Set.of(), List.of(), List.of(tests)));
    }

    private void document(long id, String file, ReviewState review, String... named) {
        evidence.add(new EvidenceFacts(id, file, review, review == ReviewState.UNREVIEWED ? null : BASELINE, false,
                Set.of(named), List.of(), List.of()));
    }

    private static TestFact test(String name, TestOutcome outcome, String message) {
        return new TestFact("perception", name, outcome, message, Set.of());
    }

    private TraceMatrix compute() {
        return TraceMatrix.compute(new TraceInput(BASELINE, requirements, evidence, List.of(), Map.of(), Set.of(),
                findings, waivedFindings));
    }

    private TraceRow row(String id) {
        return compute().row(id(id)).orElseThrow();
    }

    @Test
    void aRequirementWhoseOnlyTestWasSkippedIsNotCoveredWithTheSkipReasonEvenWhenTheFileWasAccepted() {
        requirement("MLR-ROB-RAIN", "HIL", Asil.B);
        report(1, "node-junit.xml", ReviewState.ACCEPTED, test("test_mlr_rob_rain_recall", TestOutcome.SKIPPED, "rig offline"));

        TraceRow row = row("MLR-ROB-RAIN");

        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(row.reason()).contains("skipped").contains("rig offline").contains("node-junit.xml");
        assertThat(row.tests().skipped()).isEqualTo(1);
        assertThat(row.tests().notes()).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(TestOutcome.SKIPPED);
            assertThat(n.message()).isEqualTo("rig offline");
        });
    }

    @Test
    void aFlakyPassDoesNotVerify() {
        requirement("MLR-MON-FREEZE", "SIL", Asil.A);
        report(1, "surefire.xml", ReviewState.ACCEPTED, test("mlr_mon_freeze_detected", TestOutcome.FLAKY, "passed on rerun 2"));

        assertThat(row("MLR-MON-FREEZE").verdict()).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void metCriteriaDoNotHideThatEveryLinkedTestWasSkipped() {
        requirement("MLR-PERF", "HIL", Asil.B, "recall >= 0.9");
        evidence.add(new EvidenceFacts(1, "kpi.csv", ReviewState.ACCEPTED, BASELINE, false, Set.of("MLR-PERF"),
                List.of(Metric.of("recall", new BigDecimal("0.95"), null, Map.of())), List.of()));
        report(2, "hil.xml", ReviewState.ACCEPTED, test("mlr_perf_night", TestOutcome.SKIPPED, "no night data"));

        TraceRow row = row("MLR-PERF");

        assertThat(row.verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(row.reason()).contains("no night data");
    }

    @Test
    void anAcceptedReviewVerifiesOnlyAnalysisReviewAndInspectionRequirements() {
        requirement("MLR-HIL", "HIL", Asil.B);
        requirement("MLR-ANALYSIS", "ANALYSIS", Asil.B);
        requirement("MLR-UNSTATED", null, Asil.B);
        document(1, "fmea.pdf", ReviewState.ACCEPTED, "MLR-HIL", "MLR-ANALYSIS", "MLR-UNSTATED");

        TraceMatrix matrix = compute();

        assertThat(matrix.row(id("MLR-HIL")).orElseThrow().verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(matrix.row(id("MLR-HIL")).orElseThrow().reason()).contains("HIL");
        assertThat(matrix.row(id("MLR-UNSTATED")).orElseThrow().verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(matrix.row(id("MLR-ANALYSIS")).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anAcceptedTestReportIsNoAnalysisEvidence() {
        requirement("MLR-ANALYSIS", "ANALYSIS", Asil.B);
        evidence.add(new EvidenceFacts(1, "empty.xml", ReviewState.ACCEPTED, BASELINE, true, Set.of("MLR-ANALYSIS"),
                List.of(), List.of()));

        assertThat(row("MLR-ANALYSIS").verdict()).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void aTestThatPassedInOneFileAndFailedInAnotherFailsNamingBothFiles() {
        requirement("MLR-DET", "HIL", Asil.B);
        report(1, "run-a.xml", ReviewState.ACCEPTED, test("test_mlr_det_pedestrian", TestOutcome.PASSED, null));
        report(2, "run-b.xml", ReviewState.ACCEPTED, test("test_mlr_det_pedestrian", TestOutcome.FAILED, "recall 0.81"));

        TraceRow row = row("MLR-DET");

        assertThat(row.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(row.reason()).contains("run-b.xml").contains("passed in run-a.xml").contains("recall 0.81");
    }

    @Test
    void testsNamingTheRequirementAreLinkedWhateverTheFileWasUploadedBefore() {
        requirement("MLR-DET", "HIL", Asil.A);
        report(1, "early.xml", ReviewState.UNREVIEWED, test("test_mlr_det_cyclist", TestOutcome.FAILED, "missed"));

        assertThat(row("MLR-DET").verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void idsTheEvidenceNamesThatAreNotInTheBaselineAreWarnings() {
        requirement("MLR-DET", "HIL", Asil.A);
        document(1, "kpi.csv", ReviewState.ACCEPTED, "MLR-GONE");
        evidence.add(new EvidenceFacts(2, "pytest.xml", ReviewState.ACCEPTED, BASELINE, true, Set.of(), List.of(),
                List.of(new TestFact("s", "t", TestOutcome.PASSED, null, Set.of("MLR-TYPO")))));

        TraceMatrix matrix = compute();

        assertThat(matrix.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("MLR-GONE").contains("kpi.csv"))
                .anySatisfy(w -> assertThat(w).contains("MLR-TYPO").contains("pytest.xml"));
        assertThat(matrix.warningCount()).isEqualTo(2);
    }

    @Test
    void aCrossCheckErrorKeepsTheGateRedUntilWaived() {
        requirement("MLR-DET", "HIL", Asil.A);
        report(1, "a.xml", ReviewState.ACCEPTED, test("test_mlr_det", TestOutcome.PASSED, null));
        findings.add(new Finding(Finding.Severity.WARNING, "external-data", "weights elsewhere"));
        assertThat(compute().gate().green()).isTrue();

        findings.add(new Finding(Finding.Severity.ERROR, "qat-without-qdq", "no Q/DQ nodes"));
        Gate red = compute().gate();
        assertThat(red.green()).isFalse();
        assertThat(red.blockingNames()).containsExactly("cross-check qat-without-qdq");

        waivedFindings.add("qat-without-qdq");
        assertThat(compute().gate().green()).isTrue();
    }
}
