package io.tracegate.audit.infrastructure.report;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's fonts: DejaVu Sans Condensed (regular, bold) and DejaVu Sans Mono for digests, embedded as
 * subsets (PDF/A forbids the non-embedded standard fonts). Glyph substitution (GSUB) is off: ligatures would
 * turn "fi" in "verified" or "ff" in an identifier into one glyph that copies and searches as U+FB01/U+FB00,
 * and an auditor must be able to copy a model name or a hash out of the report. Text is fitted to a font before it is measured or
 * drawn: a character the font has no glyph for becomes U+FFFD (or '?'), control and format characters
 * (including bidi overrides from hostile file names) become U+FFFD too, so no input can stop the report.
 */
final class ReportFonts implements AutoCloseable {

    static final int REPLACEMENT = 0xFFFD;

    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font mono;
    /** Kept open until the document is saved: the subsets are cut from them then. */
    private final List<TrueTypeFont> files = new ArrayList<>();
    private final Map<PDType0Font, GlyphWidths> widths = new IdentityHashMap<>();

    private ReportFonts(PDDocument doc) {
        this.regular = font(doc, "DejaVuSansCondensed.ttf");
        this.bold = font(doc, "DejaVuSansCondensed-Bold.ttf");
        this.mono = font(doc, "DejaVuSansMono.ttf");
        for (PDType0Font f : List.of(regular, bold, mono)) {
            widths.put(f, new GlyphWidths(f));
        }
    }

    static ReportFonts load(PDDocument doc) {
        return new ReportFonts(doc);
    }

    private PDType0Font font(PDDocument doc, String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/" + name + " is missing from the application");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            files.add(ttf);
            ttf.setEnableGsub(false);
            return PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + name, e);
        }
    }

    /** After the document is saved. */
    @Override
    public void close() {
        for (TrueTypeFont ttf : files) {
            try {
                ttf.close();
            } catch (IOException ignored) {
                // an in-memory font
            }
        }
    }

    /** The glyph widths of one of the three fonts, measured once per character. */
    GlyphWidths widths(PDType0Font font) {
        GlyphWidths w = widths.get(font);
        if (w == null) {
            throw new IllegalArgumentException("not one of the report's fonts: " + font.getName());
        }
        return w;
    }

    /** The text with every character the font cannot show replaced; line breaks are kept for the caller. */
    String fit(PDType0Font font, String text) {
        if (text == null) {
            return "";
        }
        GlyphWidths glyphs = widths(font);
        // Most cells need no replacement: they are handed back as they are, without a copy.
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '\t' || (c != '\n' && !showable(glyphs, c))) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == text.length()) {
            return text;
        }
        int replacement = glyphs.hasGlyph(REPLACEMENT) ? REPLACEMENT : '?';
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        text.codePoints().skip(text.codePointCount(0, i)).forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (!showable(glyphs, c)) {
                out.appendCodePoint(replacement);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean showable(GlyphWidths glyphs, int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE && glyphs.hasGlyph(c);
    }

    /** Width in points of already fitted text. */
    float width(PDType0Font font, float size, String fitted) {
        return widths(font).width(size, fitted);
    }
}
