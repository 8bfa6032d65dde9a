package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent.KpiCheck;
import io.tracegate.audit.domain.PackageContent.RegressionLine;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The KPI charts, drawn as vector paths (they stay sharp at any zoom and their numbers stay text):
 * a bar per measured value from its criterion's threshold, and a diverging bar per metric for
 * its change against the reference release.
 */
final class Charts {

    static final float ROW = 13;
    private static final float LABEL_SHARE = 0.46f;
    private static final float VALUE_WIDTH = 92;

    private Charts() {
    }

    /**
     * One bar per value, from the threshold (the dark centre tick) to the value, on an axis scaled to that row:
     * to the larger of the margin and 2 % of the threshold, so a value just above its threshold still shows on
     * which side it lies. Green: meets the criterion; red: fails it; amber: meets it but awaits the review its
     * ASIL needs.
     */
    static void kpis(PageFlow flow, List<KpiCheck> checks) {
        for (KpiCheck k : checks) {
            float top = flow.take(ROW);
            float label = flow.width() * LABEL_SHARE;
            float barLeft = flow.left() + label;
            float barWidth = flow.width() - label - VALUE_WIDTH;
            String text = flow.fonts.fit(flow.fonts.regular, k.requirement() + "  " + k.criterion());
            flow.text(flow.fonts.regular, PageFlow.SMALL, Cell.INK, flow.left(), top - 9, clip(flow, text, label - 4));
            double value = k.measured().doubleValue();
            double threshold = k.threshold().doubleValue();
            double span = Math.max(Math.abs(value - threshold) * 1.15, Math.max(Math.abs(threshold) * 0.02, 1e-9));
            Color color = !k.met() ? Cell.RED : k.counts() ? Cell.GREEN : Cell.AMBER;
            float centre = barLeft + barWidth / 2;
            float end = (float) (centre + (barWidth / 2) * (value - threshold) / span);
            try {
                PDPageContentStream c = flow.canvas();
                c.setNonStrokingColor(new Color(0xee, 0xf0, 0xf2));
                c.addRect(barLeft, top - 10, barWidth, 7);
                c.fill();
                c.setNonStrokingColor(color);
                c.addRect(Math.min(centre, end), top - 9, Math.max(Math.abs(end - centre), 0.8f), 5);
                c.fill();
                c.setStrokingColor(Cell.INK);
                c.setLineWidth(1.2f);
                c.moveTo(centre, top - 12);
                c.lineTo(centre, top - 1);
                c.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String numbers = plain(k.measured()) + " " + k.comparator() + " " + plain(k.threshold())
                    + (k.unit() == null ? "" : " " + k.unit()) + (k.met() ? "" : "  ✗");
            flow.text(flow.fonts.regular, PageFlow.SMALL, color, barLeft + barWidth + 4, top - 9,
                    flow.fonts.fit(flow.fonts.regular, numbers));
        }
        flow.gap(6);
    }

    /**
     * The relative change of each metric against the reference release, (value − reference) / |reference|,
     * from a centre line; bars are clipped at the largest change shown. Red where a criterion of the baseline
     * does not allow the value, green where all allow it, grey where none applies.
     */
    static void regression(PageFlow flow, List<RegressionLine> lines) {
        List<RegressionLine> compared = lines.stream()
                .filter(l -> l.reference() != null && l.reference().signum() != 0).toList();
        double max = compared.stream().mapToDouble(Charts::relative).map(Math::abs).max().orElse(1);
        max = max == 0 ? 1 : max;
        for (RegressionLine l : compared) {
            float top = flow.take(ROW);
            float label = flow.width() * LABEL_SHARE;
            float barLeft = flow.left() + label;
            float barWidth = flow.width() - label - VALUE_WIDTH;
            String name = l.metric() + (l.scope().isEmpty() ? "" : "[" + l.scope() + "]");
            flow.text(flow.fonts.regular, PageFlow.SMALL, Cell.INK, flow.left(), top - 9,
                    clip(flow, flow.fonts.fit(flow.fonts.regular, name), label - 4));
            double change = relative(l);
            float centre = barLeft + barWidth / 2;
            float end = (float) (centre + (barWidth / 2) * change / max);
            Color color = l.allowed() == null ? Cell.GREY : l.allowed() ? Cell.GREEN : Cell.RED;
            try {
                PDPageContentStream c = flow.canvas();
                c.setNonStrokingColor(color);
                c.addRect(Math.min(centre, end), top - 9, Math.max(Math.abs(end - centre), 0.8f), 5);
                c.fill();
                c.setStrokingColor(Cell.INK);
                c.setLineWidth(0.6f);
                c.moveTo(centre, top - 12);
                c.lineTo(centre, top - 1);
                c.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String numbers = String.format(java.util.Locale.ROOT, "%+.2f %%", change * 100) + "  (" + plain(l.value())
                    + " vs " + plain(l.reference()) + ")";
            flow.text(flow.fonts.regular, PageFlow.SMALL, color, barLeft + barWidth + 4, top - 9,
                    flow.fonts.fit(flow.fonts.regular, numbers));
        }
        flow.gap(6);
    }

    private static double relative(RegressionLine l) {
        return l.value().subtract(l.reference()).doubleValue() / Math.abs(l.reference().doubleValue());
    }

    static String plain(BigDecimal value) {
        return value == null ? "—" : value.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }

    /** Shortens a chart label to its width with an ellipsis; the full text is in the trace matrix. */
    private static String clip(PageFlow flow, String fitted, float width) {
        if (flow.fonts.width(flow.fonts.regular, PageFlow.SMALL, fitted) <= width) {
            return fitted;
        }
        String text = fitted;
        while (text.length() > 1 && flow.fonts.width(flow.fonts.regular, PageFlow.SMALL, text + "…") > width) {
            text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
        }
        return text + "…";
    }
}
