package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.RegressionLine;
import io.tracegate.audit.domain.PackageContent.WaiverLine;

import java.util.List;
import java.util.stream.Collectors;

import static io.tracegate.audit.infrastructure.report.ReportText.utc;

/** Sections 5 to 7: the traceability matrix ({@link MatrixSection}), KPI results with charts, the evidence index with waivers. */
final class TraceSections {

    private final PageFlow flow;
    private final PackageContent content;

    TraceSections(PageFlow flow, PackageContent content) {
        this.flow = flow;
        this.content = content;
    }

    void write() {
        new MatrixSection(flow, content).write();
        kpis();
        evidenceIndex();
    }

    private void kpis() {
        flow.section("6 KPI results");
        flow.paragraph("Each measured value against its criterion's threshold: the bar runs from the threshold (the "
                + "dark centre tick) to the value, scaled per row to the larger of the margin and 2 % of the threshold. "
                + "Green: meets the criterion; red: fails it; amber: meets it but the evidence awaits the review its "
                + "ASIL requires.");
        if (content.kpis().isEmpty()) {
            flow.paragraph("No criterion has a measured value.");
        } else {
            Charts.kpis(flow, content.kpis());
        }
        flow.subheading("Regression against the reference release");
        // Metrics with neither a reference value nor a criterion (per-layer timings, counts) would bury the ones
        // that matter; they stay in the evidence files, and the report says how many there are.
        List<RegressionLine> lines = content.regression().stream()
                .filter(l -> l.reference() != null || l.allowed() != null).toList();
        int omitted = content.regression().size() - lines.size();
        if (lines.isEmpty()) {
            flow.paragraph("No measured metric has a reference value or a criterion.");
        } else {
            flow.paragraph("Relative change of each metric against the reference release, (value − reference) / "
                    + "|reference|. Red: a criterion of the baseline does not allow the value; green: all that apply "
                    + "allow it; grey: no criterion applies.");
            Charts.regression(flow, lines);
            flow.table(List.of("Metric", "Value", "Reference", "Δ reference", "Previous", "Δ previous", "Allowed"),
                    new float[] {3.2f, 1, 1, 1, 1, 1, 0.9f},
                    lines.stream().map(l -> List.of(Cell.of(l.metric() + (l.scope().isEmpty() ? "" : "[" + l.scope() + "]")
                                    + (l.unit() == null ? "" : " (" + l.unit() + ")")),
                            Cell.of(Charts.plain(l.value())), Cell.of(Charts.plain(l.reference())),
                            Cell.of(Charts.plain(l.deltaVsReference())), Cell.of(Charts.plain(l.previous())),
                            Cell.of(Charts.plain(l.deltaVsPrevious())),
                            l.allowed() == null ? Cell.of(ReportText.NONE) : Cell.verdict(l.allowed() ? "PASSED" : "FAILED")))
                            .toList());
        }
        if (omitted > 0) {
            flow.paragraph(omitted + " further measured metrics have neither a reference value nor a criterion (for "
                    + "example per-layer timings); they are in the evidence files of section 7.");
        }
        flow.subheading("Latency distribution on the target");
        if (content.latencies().isEmpty()) {
            flow.paragraph("No trtexec timing file (--exportTimes) is among the evidence: no distribution to show.");
        } else {
            flow.paragraph("Per-inference latency from each trtexec --exportTimes file, as a histogram of "
                    + "equal-width bins; percentiles by nearest rank, as trtexec computes them.");
            content.latencies().forEach(chart -> LatencyCharts.draw(flow, chart));
        }
    }

    private void evidenceIndex() {
        flow.section("7 Evidence index");
        flow.paragraph("Every evidence file of the release, included as stored under the path shown, with its "
                + "provenance and review. Uploader and reviewer are always different people.");
        if (content.evidence().isEmpty()) {
            flow.paragraph("The release has no evidence.");
        } else {
            flow.table(List.of("Evidence", "SHA-256 and path", "Provenance", "Uploaded", "Review"),
                    new float[] {1.5f, 2.2f, 2.4f, 1.2f, 1.9f},
                    content.evidence().stream().map(e -> List.of(
                            Cell.bold("#" + e.id() + " " + e.fileName() + "\n" + e.format() + ", "
                                    + ReportText.bytes(e.size())
                                    + (e.requirements().isEmpty() ? "" : "\nfor " + String.join(", ", e.requirements()))),
                            Cell.mono(e.sha256() + "\n" + e.path()),
                            Cell.of(e.provenance().stream().map(f -> f.name() + ": " + f.value())
                                    .collect(Collectors.joining("\n"))),
                            Cell.of(utc(e.uploadedAt()) + "\n" + e.uploadedBy()),
                            new Cell(e.review() + (e.reviewedBy() == null ? "" : "\nby " + e.reviewedBy() + ", "
                                    + utc(e.reviewedAt()) + "\n" + e.reviewComment()), Cell.Face.REGULAR,
                                    Cell.verdict(e.review()).color()))).toList());
        }
        flow.subheading("Waivers");
        List<WaiverLine> waivers = content.waivers();
        if (waivers.isEmpty()) {
            flow.paragraph("No waivers.");
            return;
        }
        flow.table(List.of("Waived", "Justification", "Signed", "Expires", "Valid"),
                // Wide enough for a finding code such as calibration-sets-differ on one line (codes have no blanks).
                new float[] {2.1f, 2.9f, 1.8f, 1.2f, 0.8f},
                waivers.stream().map(w -> List.of(Cell.bold(w.subject() + "\nwas " + w.verdictWaived()),
                        Cell.of(w.justification()), Cell.of(w.printedName() + " (" + w.signer() + ")\n"
                                + utc(w.signedAt()) + ", round " + w.round()),
                        Cell.of(utc(w.expiresAt())), w.valid() ? Cell.verdict("VALID")
                                : new Cell("no longer", Cell.Face.BOLD, Cell.GREY))).toList());
    }
}
