package io.tracegate.audit.infrastructure.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks fitted text into lines no wider than a column: at blanks where possible, inside a word (a digest,
 * a URL) where it is wider than the column by itself. Explicit line breaks are kept. A line's width is
 * carried along as words are added (see {@link GlyphWidths#sum}) rather than measured again for every
 * candidate, which made long cells quadratic.
 */
final class TextWrap {

    private TextWrap() {
    }

    static List<String> lines(GlyphWidths glyphs, float size, String fitted, float width) {
        // Most cells fit their column as they are: one line, measured once. Only where the text neither starts
        // with a blank (the wrapping drops leading blanks) nor holds a line break, so the result is the same.
        if (fitted.indexOf('\n') < 0 && !fitted.startsWith(" ")
                && GlyphWidths.points(glyphs.sum(0, fitted), size) <= width) {
            return List.of(fitted);
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : fitted.split("\n", -1)) {
            wrapParagraph(glyphs, size, paragraph, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(GlyphWidths glyphs, float size, String paragraph, float width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        float lineUnits = 0;
        for (String word : paragraph.split(" ", -1)) {
            float candidate = line.length() == 0 ? glyphs.sum(0, word) : glyphs.sum(glyphs.sum(lineUnits, " "), word);
            if (GlyphWidths.points(candidate, size) <= width) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
                lineUnits = candidate;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            float restUnits = glyphs.sum(0, rest);
            while (GlyphWidths.points(restUnits, size) > width && rest.length() > 1) {
                int cut = longestPrefix(glyphs, size, rest, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                restUnits = glyphs.sum(0, rest);
            }
            line.append(rest);
            lineUnits = restUnits;
        }
        lines.add(line.toString());
    }

    /**
     * The end index of the longest prefix (at least one code point) that fits; pairs are never split. Widths
     * only grow as characters are added, so the first prefix that does not fit ends the search.
     */
    private static int longestPrefix(GlyphWidths glyphs, float size, String text, float width) {
        int end = text.offsetByCodePoints(0, 1);
        float units = glyphs.sum(0, text.substring(0, end));
        while (end < text.length()) {
            int c = text.codePointAt(end);
            float longer = units + glyphs.advance(c);
            if (GlyphWidths.points(longer, size) > width) {
                break;
            }
            units = longer;
            end += Character.charCount(c);
        }
        return end;
    }
}
