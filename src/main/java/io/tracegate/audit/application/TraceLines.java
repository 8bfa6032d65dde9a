package io.tracegate.audit.application;

import io.tracegate.audit.domain.PackageContent.CriterionLine;
import io.tracegate.audit.domain.PackageContent.KpiCheck;
import io.tracegate.audit.domain.PackageContent.LatencyChart;
import io.tracegate.audit.domain.PackageContent.TestLine;
import io.tracegate.audit.domain.PackageContent.TraceLine;
import io.tracegate.audit.domain.PackageContent.ValueLine;
import io.tracegate.evidence.domain.CriterionResult;
import io.tracegate.evidence.domain.LatencyDistribution;
import io.tracegate.evidence.domain.LatencyHistogram;
import io.tracegate.evidence.domain.Measurement;
import io.tracegate.evidence.domain.TestTally;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.evidence.domain.TraceRow;
import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The trace matrix as package lines: every requirement, every criterion, every value it was judged on. */
final class TraceLines {

    private TraceLines() {
    }

    /** @param reviews evidence id → review state, to show next to each value */
    static List<TraceLine> of(TraceMatrix matrix, Map<Long, String> reviews) {
        List<TraceLine> lines = new ArrayList<>();
        for (TraceRow row : matrix.rows()) {
            List<CriterionLine> criteria = row.criteria().stream().map(c -> new CriterionLine(c.criterion(),
                    c.verdict().name(), c.measurements().stream().map(m -> value(m, reviews)).toList())).toList();
            lines.add(new TraceLine(row.id().value(), row.title(), row.asil().name(),
                    row.parents().stream().map(RequirementId::value).toList(), row.verdict().name(), row.reason(),
                    criteria, tests(row.tests()), row.evidence(), notes(row.tests())));
        }
        return lines;
    }

    /** Every value against its criterion's threshold, for the KPI charts. */
    static List<KpiCheck> kpis(TraceMatrix matrix) {
        List<KpiCheck> checks = new ArrayList<>();
        for (TraceRow row : matrix.rows()) {
            for (CriterionResult c : row.criteria()) {
                AcceptanceCriterion criterion = AcceptanceCriterion.parse(c.criterion());
                for (Measurement m : c.measurements()) {
                    checks.add(new KpiCheck(row.id().value(), c.criterion(), criterion.comparator().symbol(),
                            criterion.threshold(), criterion.unit(), m.value(), m.met(), m.counts(), m.evidenceId()));
                }
            }
        }
        return checks;
    }

    /** Each timing file's distribution, with the latency criteria its own values were checked against. */
    static List<LatencyChart> latencies(List<LatencyDistribution> distributions, List<KpiCheck> kpis) {
        return distributions.stream().map(d -> {
            LatencyHistogram h = d.histogram();
            return new LatencyChart(d.evidenceId(), d.fileName(), h.count(), h.min(), h.max(), h.p50(), h.p99(),
                    h.counts(), kpis.stream().filter(k -> k.evidenceId() == d.evidenceId())
                    .filter(k -> k.criterion().startsWith("latency.")).toList());
        }).toList();
    }

    private static ValueLine value(Measurement m, Map<Long, String> reviews) {
        return new ValueLine(m.evidenceId(), m.metric(), m.value().toPlainString(), m.met(), m.counts(), m.derived(),
                reviews.getOrDefault(m.evidenceId(), "UNKNOWN"));
    }

    private static List<TestLine> notes(TestTally t) {
        return t.notes().stream().map(n -> new TestLine(n.evidenceId(), n.file(), n.test(), n.outcome().name(),
                n.message(), n.passedIn())).toList();
    }

    static String tests(TestTally t) {
        if (t.linked() == 0) {
            return "";
        }
        String counts = t.passed() + " passed, " + t.failed() + " failed, " + t.errors() + " errors, " + t.skipped()
                + " skipped" + (t.flaky() > 0 ? ", " + t.flaky() + " flaky" : "");
        return t.failing().isEmpty() ? counts : counts + "; failing: " + String.join(", ", t.failing());
    }
}
