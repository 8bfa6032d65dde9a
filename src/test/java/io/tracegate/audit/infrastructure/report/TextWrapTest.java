package io.tracegate.audit.infrastructure.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measuring with cached glyph widths and carrying a line's width along must give exactly what measuring
 * every candidate with PDFBox gave, or the report's bytes would change: the widths to the last bit, the
 * lines to the last character.
 */
class TextWrapTest {

    static final List<String> TEXTS = List.of(
            "",
            "MLR-PERF-VRU-NIGHT · ASIL B · parents: SG-1, FSR-12",
            "Pedestrian recall at night ≥ 0.95 (ÄÖÜ, 日本, \uD83D\uDE00 emoji)",
            "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e evidence/12/kpi-night-hil.csv",
            "https://ci.example.com/group/project/-/pipelines/123456789/jobs/987654321/artifacts/browse/reports",
            "two  blanks,   three blanks and a trailing blank ",
            "line one\nline two is a little longer than the first\n\nafter an empty line",
            "recall[class=pedestrian, set=night-hil] = 0.951 from #12 kpi-night-hil.csv, ACCEPTED by sam on 2026-11-10");

    static PDDocument doc;
    static ReportFonts fonts;

    @BeforeAll
    static void load() {
        doc = new PDDocument();
        fonts = ReportFonts.load(doc);
    }

    @AfterAll
    static void close() throws Exception {
        fonts.close();
        doc.close();
    }

    @Test
    void widthsAreExactlyPdfBoxsStringWidths() throws Exception {
        for (PDType0Font font : List.of(fonts.regular, fonts.bold, fonts.mono)) {
            for (String text : TEXTS) {
                for (String line : fonts.fit(font, text).split("\n", -1)) {
                    float pdfBox = font.getStringWidth(line) / 1000f * PageFlow.BODY;
                    assertThat(fonts.width(font, PageFlow.BODY, line)).as(line).isEqualTo(pdfBox);
                }
            }
        }
    }

    @Test
    void wrapsExactlyAsMeasuringEveryCandidateWithPdfBoxDid() throws Exception {
        for (PDType0Font font : List.of(fonts.regular, fonts.bold, fonts.mono)) {
            for (String text : TEXTS) {
                String fitted = fonts.fit(font, text);
                for (float width : new float[] {20, 57.5f, 93, 140, 260, 515}) {
                    assertThat(TextWrap.lines(fonts.widths(font), PageFlow.BODY, fitted, width)).as(text + " in " + width)
                            .isEqualTo(measuredEachTime(font, PageFlow.BODY, fitted, width));
                }
            }
        }
    }

    @Test
    void replacesWhatTheFontCannotShow() {
        assertThat(fonts.fit(fonts.mono, "a\u202Eb\u0007c\td")).isEqualTo("a\uFFFDb\uFFFDc d");
    }

    /** The wrapping as it was before widths were cached: every candidate line measured from scratch. */
    private static List<String> measuredEachTime(PDType0Font font, float size, String fitted, float width) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String paragraph : fitted.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000f * size <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (font.getStringWidth(rest) / 1000f * size > width && rest.length() > 1) {
                    int low = 1;
                    int high = rest.codePointCount(0, rest.length());
                    while (low < high) {
                        int mid = (low + high + 1) / 2;
                        if (font.getStringWidth(rest.substring(0, rest.offsetByCodePoints(0, mid))) / 1000f * size <= width) {
                            low = mid;
                        } else {
                            high = mid - 1;
                        }
                    }
                    int cut = rest.offsetByCodePoints(0, low);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
