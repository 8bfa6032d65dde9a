package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.infrastructure.Tools;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageFlowTest {

    @TempDir
    Path dir;

    @Test
    void aVerdictWiderThanItsColumnIsDrawnSmallerInsteadOfBrokenInside() throws Exception {
        List<String> verdicts = List.of("NOT_COVERED", "UNREVIEWED", "SUSPECT", "PASSED", "WAIVED");
        try (PDDocument doc = new PDDocument(); ReportFonts fonts = ReportFonts.load(doc)) {
            PageFlow flow = new PageFlow(doc, fonts);
            // The verdict column is about 42 points wide (it is shrunk to 5.6 points): "NOT_COVERED" needs 63 at body size.
            flow.table(List.of("Requirement", "Verdict", "Note"), new float[] {5, 1, 5},
                    verdicts.stream().map(v -> List.of(Cell.of("REQ-" + v), Cell.verdict(v), Cell.of("x"))).toList());
            flow.finish();
            doc.save(dir.resolve("flow.pdf").toFile());
        }
        String raw = Tools.run(dir, "pdftotext", "-raw", "flow.pdf", "-").output();
        for (String v : verdicts) {
            assertThat(raw).containsPattern("REQ-" + v + " " + v + " x");
        }
        assertThat(raw).doesNotContain("NOT_COVER\n", "UNREVIEW\n");
    }

    @Test
    void aNormalCellStillWrapsInsideAWordWiderThanItsColumn() throws Exception {
        try (PDDocument doc = new PDDocument(); ReportFonts fonts = ReportFonts.load(doc)) {
            PageFlow flow = new PageFlow(doc, fonts);
            flow.table(List.of("A", "B"), new float[] {10, 0.5f}, List.of(List.of(Cell.of("left"), Cell.of("NOT_COVERED"))));
            flow.finish();
            doc.save(dir.resolve("flow.pdf").toFile());
        }
        assertThat(Tools.run(dir, "pdftotext", "-raw", "flow.pdf", "-").output()).doesNotContain("NOT_COVERED");
    }
}
