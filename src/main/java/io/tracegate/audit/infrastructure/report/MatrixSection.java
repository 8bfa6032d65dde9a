package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.CriterionLine;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.Summary;
import io.tracegate.audit.domain.PackageContent.TestLine;
import io.tracegate.audit.domain.PackageContent.TraceLine;
import io.tracegate.audit.domain.PackageContent.ValueLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Section 5, the traceability matrix: every requirement with its verdict and why, each criterion with the values
 * it was judged on, and each linked test that did not pass with its message. Messages and reasons are shortened
 * (a stack trace would fill pages); traceability.csv has them in full.
 */
final class MatrixSection {

    /** Characters of a test message shown: about two lines of the message column. */
    static final int MESSAGE_SHOWN = 160;
    /** Characters of a verdict's reason shown; a reason quotes the test messages, which have rows of their own. */
    static final int REASON_SHOWN = 400;
    /**
     * Verdict and review get the room of "NOT_COVERED" (63 points) and "UNREVIEWED" (58) in bold at body size,
     * so they are drawn at full size (a narrower column would shrink them, see {@link Cell#whole}); the room
     * comes from the evidence column, whose file names wrap anyway.
     */
    private static final float[] COLUMNS = {2.3f, 1.3f, 2.6f, 1.2f, 1.1f};

    private final PageFlow flow;
    private final PackageContent content;
    private final Map<Long, EvidenceLine> evidence;

    MatrixSection(PageFlow flow, PackageContent content) {
        this.flow = flow;
        this.content = content;
        this.evidence = content.evidence().stream().collect(Collectors.toMap(EvidenceLine::id, Function.identity()));
    }

    void write() {
        flow.section("5 Traceability matrix");
        flow.paragraph("Every requirement of the baseline, with its parents, its verdict and why; under it each "
                + "acceptance criterion with every value it was judged on, the evidence the value comes from, whether "
                + "the value meets the criterion, and the review state of that evidence; then each linked test that "
                + "did not pass (failed, error, flaky, skipped) with its message. Reasons and messages are shortened "
                + "here (…); traceability.csv has the same rows with the full text.");
        warnings(content.summary());
        List<List<Cell>> rows = new ArrayList<>();
        for (TraceLine t : content.trace()) {
            rows.add(List.of(new Cell(t.requirement() + " · ASIL " + t.asil()
                    + (t.parents().isEmpty() ? "" : " · parents: " + String.join(", ", t.parents()))
                    + "\n" + t.title() + "\n" + ReportText.shortened(t.reason(), REASON_SHOWN), Cell.Face.BOLD, Cell.INK),
                    Cell.verdict(t.verdict()), Cell.of("")));
            t.criteria().forEach(c -> criterion(c, rows));
            if (!t.tests().isEmpty()) {
                rows.add(List.of(Cell.of("linked tests"), Cell.of(""), Cell.of(t.tests()), Cell.of(""), Cell.of("")));
            }
            t.notes().forEach(n -> rows.add(note(n)));
            if (t.criteria().isEmpty() && !t.evidence().isEmpty()) {
                // Test reports verify by their outcomes, not by their review: only say "review" where no test is linked.
                rows.add(List.of(Cell.of(t.tests().isEmpty() ? "verified by the review of its evidence" : "linked evidence"),
                        Cell.of(t.evidence().stream().map(this::evidenceName).collect(Collectors.joining("\n"))),
                        Cell.of(""), Cell.of(""), Cell.of(t.evidence().stream().map(this::reviewOf)
                                .collect(Collectors.joining("\n")))));
            }
        }
        flow.table(List.of("Criterion", "Evidence", "Measured value", "Verdict", "Review"), COLUMNS, rows);
    }

    /** Ids the evidence names that the baseline lacks: they verify nothing, which a reader must not miss. */
    private void warnings(Summary s) {
        if (s.traceWarningCount() == 0) {
            return;
        }
        flow.paragraph(s.traceWarningCount() + " requirement id(s) named by evidence are not in the baseline; "
                + "that evidence verifies nothing for them:", flow.fonts.bold, PageFlow.BODY, Cell.AMBER);
        int more = s.traceWarningCount() - s.traceWarnings().size();
        flow.paragraph(String.join("\n", s.traceWarnings()) + (more > 0 ? "\nand " + more + " more" : ""));
    }

    private void criterion(CriterionLine c, List<List<Cell>> rows) {
        String criterion = c.criterion() + "\n→ " + c.verdict();
        if (c.values().isEmpty()) {
            rows.add(List.of(Cell.of(criterion), Cell.of(ReportText.NONE), Cell.of("no value"),
                    Cell.verdict(c.verdict()), Cell.of("")));
        }
        boolean first = true;
        for (ValueLine v : c.values()) {
            rows.add(List.of(Cell.of(first ? criterion : ""), Cell.of(evidenceName(v.evidenceId())),
                    Cell.of(v.metric() + (v.derived() ? " (derived)" : "")), valueVerdict(v),
                    Cell.verdict(v.review())));
            first = false;
        }
    }

    /** A test that did not pass: its name, the report it is in, why (shortened), and its outcome. */
    private static List<Cell> note(TestLine n) {
        String message = n.message() == null || n.message().isBlank() ? "no message"
                : ReportText.shortened(n.message(), MESSAGE_SHOWN);
        return List.of(Cell.of("test " + n.test()), Cell.of("#" + n.evidenceId() + " " + n.file()),
                Cell.of(message + (n.passedIn() == null ? "" : "\nalso passed in " + n.passedIn())),
                Cell.verdict(n.outcome()), Cell.of(""));
    }

    private static Cell valueVerdict(ValueLine v) {
        if (!v.met()) {
            return new Cell("not met", Cell.Face.BOLD, Cell.RED);
        }
        return v.counts() ? new Cell("met", Cell.Face.BOLD, Cell.GREEN)
                : new Cell("met, awaiting review", Cell.Face.BOLD, Cell.AMBER);
    }

    private String evidenceName(long id) {
        EvidenceLine e = evidence.get(id);
        return "#" + id + (e == null ? "" : " " + e.fileName());
    }

    private String reviewOf(long id) {
        EvidenceLine e = evidence.get(id);
        return e == null ? "?" : e.review();
    }
}
