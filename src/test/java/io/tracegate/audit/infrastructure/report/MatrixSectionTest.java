package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.infrastructure.SyntheticPackage;
import io.tracegate.audit.infrastructure.TestKeys;
import io.tracegate.audit.infrastructure.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a requirement is red, as pdftotext reads it from a report whose tests did not all pass. */
class MatrixSectionTest {

    @TempDir
    static Path dir;
    static String text;
    static String matrix;

    @BeforeAll
    static void render() throws Exception {
        var content = SyntheticPackage.withTestNotes(SyntheticPackage.content(SyntheticPackage.files(dir)));
        ReportRenderer.render(content, TestKeys.key(), "Tracegate test", ReportRendererTest.MANIFEST,
                dir.resolve("report.pdf"));
        text = Tools.run(dir, "pdftotext", "-layout", "report.pdf", "-").output();
        matrix = text.substring(text.indexOf("5 Traceability matrix"), text.indexOf("6 KPI results"));
    }

    @Test
    void showsTheVerdictsReasonAndEachTestThatDidNotPassWithItsMessage() {
        assertThat(matrix).contains("none passed: SKIPPED hil.RainTest.detects")
                .containsPattern("test hil.RainTest.detects\\s+#13 junit-hil.xml\\s+rig offline\\s+SKIPPED")
                .containsPattern("test\\s+#13 junit-hil.xml\\s+expected recall >= 0.95 on night-hil\\s+FAILED")
                .contains("also passed in junit-rerun.xml")
                .contains(SyntheticPackage.HOSTILE_MESSAGE)
                .contains("FAILED", "ERROR");
    }

    @Test
    void shortensLongMessagesAndReasonsAndLeavesTheFullTextToTheCsv() {
        assertThat(matrix).contains("NightRecallTest.java:42", "…").doesNotContain("END-OF-TRACE");
        assertThat(ReportText.shortened(SyntheticPackage.LONG_FAILURE, MatrixSection.MESSAGE_SHOWN))
                .hasSize(MatrixSection.MESSAGE_SHOWN).endsWith("…").doesNotContain("\n", "\t");
    }

    @Test
    void namesTraceWarningsAndTheCrossCheckFindingsThatKeepTheGateRed() {
        assertThat(matrix).contains("1 requirement id(s) named by evidence are not in the baseline",
                "evidence 13 (junit-hil.xml) names MLR-GONE, which is not in the baseline");
        assertThat(text).contains("Keeping the gate red (severity ERROR, not waived): qat-without-qdq.")
                .containsPattern("Blocking the gate\\s+cross-check qat-without-qdq, MLR-NIGHT-TEST, MLR-HIL-RAIN")
                .containsPattern("Trace warnings\\s+1 requirement id");
    }

    @Test
    void verdictWordsAreNeverBrokenInsideTheMatrix() {
        assertThat(matrix).containsPattern("MLR-HIL-RAIN · ASIL B · parents: SG-1\\s+NOT_COVERED")
                .doesNotContainPattern("NOT_COVER(?!ED)").doesNotContainPattern("(?m)^\\s*(ED|D|RED)\\s*$");
    }
}
