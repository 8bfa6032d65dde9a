package io.tracegate.audit.infrastructure.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The footer of every page: which release, the manifest digest the report is about, page n of N. Drawn
 * after the layout, when N is known, so a single page printed or copied out still says what it belongs to.
 */
final class Footers {

    private Footers() {
    }

    static void draw(PDDocument doc, ReportFonts fonts, String release, String manifestDigest) {
        int total = doc.getNumberOfPages();
        String first = fonts.fit(fonts.regular, "Tracegate audit package · " + release);
        String digest = fonts.fit(fonts.mono, "manifest " + manifestDigest);
        // The page tree's iterator, not getPage(i): that walks the tree from its root for every page, which made
        // the footers of a report of thousands of pages quadratic.
        int i = 0;
        for (PDPage page : doc.getPages()) {
            try (PDPageContentStream canvas = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float left = PageFlow.MARGIN;
                float right = PageFlow.SIZE.getWidth() - PageFlow.MARGIN;
                canvas.setStrokingColor(Cell.GREY);
                canvas.setLineWidth(0.4f);
                canvas.moveTo(left, 40);
                canvas.lineTo(right, 40);
                canvas.stroke();
                String number = "page " + (i + 1) + " of " + total;
                show(canvas, fonts, fonts.regular, left, 30, first);
                show(canvas, fonts, fonts.mono, left, 21, digest);
                float width = fonts.width(fonts.regular, PageFlow.SMALL, number);
                show(canvas, fonts, fonts.regular, right - width, 30, number);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            i++;
        }
    }

    private static void show(PDPageContentStream canvas, ReportFonts fonts, org.apache.pdfbox.pdmodel.font.PDType0Font font,
                             float x, float y, String fitted) throws IOException {
        canvas.beginText();
        canvas.setFont(font, PageFlow.SMALL);
        canvas.setNonStrokingColor(Cell.GREY);
        canvas.newLineAtOffset(x, y);
        canvas.showText(fitted);
        canvas.endText();
    }
}
