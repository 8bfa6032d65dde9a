package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.domain.CriterionResult;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.Gate;
import io.tracegate.evidence.domain.Measurement;
import io.tracegate.evidence.domain.TestTally;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.evidence.domain.TraceRow;
import io.tracegate.evidence.domain.Verdict;
import io.tracegate.requirement.domain.RequirementId;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace matrix as JSON: the gate first, the warnings (ids named by evidence that are not in the baseline),
 * then one row per requirement.
 */
public record TraceView(long releaseId, GateView gate, List<String> warnings, int warningCount,
                        List<RowView> requirements) {

    /**
     * Green or red, how many requirements have each verdict, and what keeps the gate red: {@code blocking} names
     * unwaived cross-check ERROR findings ("cross-check qat-without-qdq") and requirement ids; {@code findings}
     * gives those findings whole.
     */
    public record GateView(boolean green, Map<String, Integer> counts, List<String> blocking,
                           List<FindingView> findings) {
        static GateView of(Gate gate) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Verdict v : Verdict.values()) {
                counts.put(v.name(), gate.counts().getOrDefault(v, 0));
            }
            return new GateView(gate.green(), counts, gate.blockingNames(),
                    gate.blockingFindings().stream().map(FindingView::of).toList());
        }
    }

    /** A cross-check finding that keeps the gate red until fixed or waived. */
    public record FindingView(String severity, String code, String message) {
        static FindingView of(Finding f) {
            return new FindingView(f.severity().name(), f.code(), f.message());
        }
    }

    /** One requirement's line. */
    public record RowView(String id, String title, String asil, List<String> parents, List<String> children,
                          String verdict, String reason, List<CriterionView> criteria, TestTally tests,
                          List<Long> evidence, List<Long> suspectEvidence) {
        static RowView of(TraceRow r) {
            return new RowView(r.id().value(), r.title(), r.asil().name(), ids(r.parents()), ids(r.children()),
                    r.verdict().name(), r.reason(), r.criteria().stream().map(CriterionView::of).toList(), r.tests(),
                    r.evidence(), r.suspectEvidence());
        }
    }

    /** One criterion and the values it was judged on. */
    public record CriterionView(String criterion, String verdict, List<MeasurementView> measurements) {
        static CriterionView of(CriterionResult c) {
            return new CriterionView(c.criterion(), c.verdict().name(),
                    c.measurements().stream().map(MeasurementView::of).toList());
        }
    }

    /** One value, from which evidence item, and whether it met the criterion. */
    public record MeasurementView(long evidenceId, String metric, BigDecimal value, boolean met, boolean derived,
                                  boolean counts) {
        static MeasurementView of(Measurement m) {
            return new MeasurementView(m.evidenceId(), m.metric(), m.value(), m.met(), m.derived(), m.counts());
        }
    }

    static TraceView of(long releaseId, TraceMatrix matrix) {
        return new TraceView(releaseId, GateView.of(matrix.gate()), matrix.warnings(), matrix.warningCount(),
                matrix.rows().stream().map(RowView::of).toList());
    }

    private static List<String> ids(List<RequirementId> ids) {
        return ids.stream().map(RequirementId::value).toList();
    }
}
