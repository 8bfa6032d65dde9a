package io.tracegate.audit.infrastructure.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the report out top to bottom on A4 pages: headings that become bookmarks, wrapped paragraphs, and
 * tables whose rows may run over several pages (the header is repeated on each). Space for the footer is
 * kept free; the footers are drawn once the page count is known ({@link Footers}).
 */
final class PageFlow {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 40;
    static final float BOTTOM = 52;
    static final float BODY = 8.5f;
    static final float SMALL = 7f;
    /** The smallest size a cell that must not wrap is shrunk to. */
    static final float SMALLEST = 5f;
    static final float LEADING = 1.3f;
    static final float CELL_PAD = 2.5f;

    private final PDDocument doc;
    final ReportFonts fonts;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDPage page;
    private PDPageContentStream canvas;
    private float y;
    private boolean onTitlePage = true;

    PageFlow(PDDocument doc, ReportFonts fonts) {
        this.doc = doc;
        this.fonts = fonts;
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    PDPageContentStream canvas() {
        return canvas;
    }

    void newPage() {
        closeCanvas();
        page = new PDPage(SIZE);
        doc.addPage(page);
        try {
            canvas = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = SIZE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points fit on this one. */
    void ensure(float height) {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** Moves the cursor down by {@code height} (a chart or a gap); the caller draws in the space. */
    float take(float height) {
        ensure(height);
        float top = y;
        y -= height;
        return top;
    }

    /** The report's title on the first page; section 1 follows on the same page. */
    void title(String title, String subtitle) {
        newPage();
        heading(title, 17, fonts.bold);
        paragraph(subtitle, fonts.regular, 9, Cell.GREY);
        y -= 8;
    }

    /** A numbered section with a bookmark to it; on a new page unless it is the first on the title page. */
    void section(String title) {
        if (page == null || doc.getNumberOfPages() > 1 || !onTitlePage) {
            newPage();
        }
        onTitlePage = false;
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setTop((int) y);
        destination.setLeft(0);
        item.setDestination(destination);
        outline.addLast(item);
        heading(title, 14, fonts.bold);
        y -= 4;
    }

    void subheading(String title) {
        ensure(40);
        y -= 6;
        heading(title, 10.5f, fonts.bold);
    }

    private void heading(String title, float size, PDType0Font font) {
        for (String line : TextWrap.lines(fonts.widths(font), size, fonts.fit(font, title), width())) {
            ensure(size * LEADING);
            y -= size * LEADING;
            text(font, size, Cell.INK, left(), y + size * 0.25f, line);
        }
        y -= 2;
    }

    void paragraph(String text) {
        paragraph(text, fonts.regular, BODY, Cell.INK);
    }

    void paragraph(String text, PDType0Font font, float size, Color color) {
        for (String line : TextWrap.lines(fonts.widths(font), size, fonts.fit(font, text), width())) {
            ensure(size * LEADING);
            y -= size * LEADING;
            text(font, size, color, left(), y + size * 0.25f, line);
        }
        y -= 3;
    }

    void gap(float points) {
        y -= points;
    }

    /** A table: relative column widths, a header row repeated on every page, then the rows. */
    void table(List<String> headers, float[] weights, List<List<Cell>> rows) {
        float[] widths = widths(weights);
        List<Cell> header = headers.stream().map(Cell::bold).toList();
        ensure(3 * BODY * LEADING);
        row(header, widths, header, true);
        for (List<Cell> r : rows) {
            row(r, widths, header, false);
        }
        y -= 6;
    }

    /** Two columns of name and value. */
    void facts(List<List<Cell>> rows) {
        float[] widths = widths(new float[] {1, 3.2f});
        for (List<Cell> r : rows) {
            row(r, widths, null, false);
        }
        y -= 6;
    }

    private float[] widths(float[] weights) {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
        }
        return widths;
    }

    /**
     * Draws a row line by line, so a row taller than a page continues on the next (header repeated). A row
     * with fewer cells than columns lets its first cell span the columns it lacks.
     */
    private void row(List<Cell> cells, float[] columns, List<Cell> header, boolean isHeader) {
        float[] widths = spanned(columns, cells.size());
        List<List<String>> lines = new ArrayList<>();
        float[] sizes = new float[cells.size()];
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            PDType0Font font = font(c);
            String fitted = fonts.fit(font, c.text());
            float room = widths[i] - 2 * CELL_PAD;
            sizes[i] = c.whole() ? wholeSize(font, fitted, room) : BODY;
            List<String> wrapped = TextWrap.lines(fonts.widths(font), sizes[i], fitted, room);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float lineHeight = BODY * LEADING;
        if (y - Math.min(height, 3) * lineHeight - 2 * CELL_PAD < BOTTOM) {
            breakPage(columns, header, isHeader);
        }
        rule(isHeader ? Cell.INK : Cell.GREY, isHeader ? 0.8f : 0.3f);
        y -= CELL_PAD;
        for (int line = 0; line < height; line++) {
            if (y - lineHeight < BOTTOM) {
                breakPage(columns, header, isHeader);
            }
            y -= lineHeight;
            rowLine(cells, widths, sizes, lines, line);
        }
        y -= CELL_PAD;
        if (isHeader) {
            rule(Cell.INK, 0.8f);
        }
    }

    /**
     * The body size, or the size at which a cell that must not wrap fits its column (a little less, so rounding
     * cannot push it over). Below {@link #SMALLEST} it is no longer readable: it is wrapped then like any text,
     * which is better than running into the next column.
     */
    private float wholeSize(PDType0Font font, String fitted, float room) {
        float width = fonts.width(font, BODY, fitted);
        if (fitted.indexOf('\n') >= 0 || width <= room) {
            return BODY;
        }
        return Math.max(SMALLEST, BODY * room / width * 0.99f);
    }

    /**
     * One line of a row's cells as one text object, which sets the font and colour only where they change
     * and moves between cells relative to the last: a report of 20,000 evidence rows spent most of its time
     * writing a text object per cell, each with its own font, colour and position.
     */
    private void rowLine(List<Cell> cells, float[] widths, float[] sizes, List<List<String>> lines, int line) {
        try {
            float x = left() + CELL_PAD;
            float baseline = y + BODY * 0.28f;
            float lastX = 0;
            boolean open = false;
            PDType0Font lastFont = null;
            float lastSize = 0;
            Color lastColor = null;
            for (int i = 0; i < cells.size(); i++) {
                List<String> cellLines = lines.get(i);
                if (line < cellLines.size() && !cellLines.get(line).isEmpty()) {
                    Cell c = cells.get(i);
                    if (!open) {
                        canvas.beginText();
                        canvas.newLineAtOffset(x, baseline);
                        open = true;
                    } else {
                        canvas.newLineAtOffset(x - lastX, 0);
                    }
                    lastX = x;
                    if (font(c) != lastFont || sizes[i] != lastSize) {
                        lastFont = font(c);
                        lastSize = sizes[i];
                        canvas.setFont(lastFont, lastSize);
                    }
                    if (!c.color().equals(lastColor)) {
                        lastColor = c.color();
                        canvas.setNonStrokingColor(lastColor);
                    }
                    canvas.showText(cellLines.get(line));
                }
                x += widths[i];
            }
            if (open) {
                canvas.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void breakPage(float[] columns, List<Cell> header, boolean isHeader) {
        newPage();
        if (header != null && !isHeader) {
            row(header, columns, header, true);
        }
    }

    private static float[] spanned(float[] columns, int cells) {
        if (cells >= columns.length) {
            return columns;
        }
        float[] widths = new float[cells];
        int span = columns.length - cells + 1;
        for (int i = 0; i < span; i++) {
            widths[0] += columns[i];
        }
        System.arraycopy(columns, span, widths, 1, cells - 1);
        return widths;
    }

    private PDType0Font font(Cell c) {
        return switch (c.face()) {
            case BOLD -> fonts.bold;
            case MONO -> fonts.mono;
            case REGULAR -> fonts.regular;
        };
    }

    private void rule(Color color, float thickness) {
        try {
            canvas.setStrokingColor(color);
            canvas.setLineWidth(thickness);
            canvas.moveTo(left(), y);
            canvas.lineTo(left() + width(), y);
            canvas.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line of already fitted text. */
    void text(PDType0Font font, float size, Color color, float x, float baseline, String fitted) {
        try {
            canvas.beginText();
            canvas.setFont(font, size);
            canvas.setNonStrokingColor(color);
            canvas.newLineAtOffset(x, baseline);
            canvas.showText(fitted);
            canvas.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish() {
        closeCanvas();
    }

    private void closeCanvas() {
        if (canvas != null) {
            try {
                canvas.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            canvas = null;
        }
    }
}
