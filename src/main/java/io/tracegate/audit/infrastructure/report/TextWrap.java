package io.tracegate.audit.infrastructure.report;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks fitted text into lines no wider than a column: at blanks where possible, inside a word (a digest,
 * a URL) where it is wider than the column by itself. Explicit line breaks are kept.
 */
final class TextWrap {

    private TextWrap() {
    }

    static List<String> lines(PDType0Font font, float size, String fitted, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : fitted.split("\n", -1)) {
            wrapParagraph(font, size, paragraph, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(PDType0Font font, float size, String paragraph, float width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (ReportFonts.width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (ReportFonts.width(font, size, rest) > width && rest.length() > 1) {
                int cut = longestPrefix(font, size, rest, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
    }

    /** The end index of the longest prefix (at least one code point) that fits; pairs are never split. */
    private static int longestPrefix(PDType0Font font, float size, String text, float width) {
        int low = 1;
        int high = text.codePointCount(0, text.length());
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (ReportFonts.width(font, size, text.substring(0, text.offsetByCodePoints(0, mid))) <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.offsetByCodePoints(0, low);
    }
}
