package io.tracegate.audit.infrastructure.report;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the layout asks of a font thousands of times per report, answered once per character: whether the
 * font has a glyph for it and how wide that glyph is. PDFBox's {@code getStringWidth} encodes the whole
 * string and looks every code up again on each call, which made measuring text most of the time a large
 * report took. The width of a text is the same float sum PDFBox computes (each glyph's width added from
 * left to right, starting at 0), so line breaks and positions, and with them the report's bytes, do not
 * change; {@link #sum} lets a caller extend a measured text instead of measuring it again.
 */
final class GlyphWidths {

    private static final int BMP = 0x10000;

    private final PDType0Font font;
    private final CmapLookup cmap;
    /** Width in glyph units per BMP character; NaN until asked. */
    private final float[] widths = new float[BMP];
    /** Per BMP character: 0 not asked yet, 1 the font has a glyph, 2 it has none. */
    private final byte[] glyphs = new byte[BMP];
    private final Map<Integer, Float> supplementaryWidths = new HashMap<>();
    private final Map<Integer, Boolean> supplementaryGlyphs = new HashMap<>();

    GlyphWidths(PDType0Font font) {
        this.font = font;
        this.cmap = font.getCmapLookup();
        Arrays.fill(widths, Float.NaN);
    }

    /** Whether the font maps the character to a glyph other than .notdef. */
    boolean hasGlyph(int codePoint) {
        if (codePoint >= BMP) {
            return supplementaryGlyphs.computeIfAbsent(codePoint, c -> cmap.getGlyphId(c) != 0);
        }
        if (glyphs[codePoint] == 0) {
            glyphs[codePoint] = (byte) (cmap.getGlyphId(codePoint) != 0 ? 1 : 2);
        }
        return glyphs[codePoint] == 1;
    }

    /** The glyph's advance in glyph units (1/1000 of the font size), as PDFBox reports it for that character alone. */
    float advance(int codePoint) {
        if (codePoint >= BMP) {
            return supplementaryWidths.computeIfAbsent(codePoint, this::measure);
        }
        float w = widths[codePoint];
        if (Float.isNaN(w)) {
            w = measure(codePoint);
            widths[codePoint] = w;
        }
        return w;
    }

    /** {@code start} plus the advances of {@code fitted}'s characters, added one by one from the left. */
    float sum(float start, String fitted) {
        float sum = start;
        for (int i = 0; i < fitted.length(); ) {
            int c = fitted.codePointAt(i);
            sum += advance(c);
            i += Character.charCount(c);
        }
        return sum;
    }

    /** Width in points of already fitted text at {@code size}. */
    float width(float size, String fitted) {
        return points(sum(0, fitted), size);
    }

    /** Glyph units to points, as PDFBox's callers convert them. */
    static float points(float units, float size) {
        return units / 1000f * size;
    }

    private float measure(int codePoint) {
        try {
            // 0 + w == w: the same value getStringWidth adds for this character within a longer text
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
