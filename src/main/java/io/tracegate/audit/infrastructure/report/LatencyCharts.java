package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent.KpiCheck;
import io.tracegate.audit.domain.PackageContent.LatencyChart;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The latency distribution of a trtexec timing file as a vector histogram: how many inferences fell into
 * each equal-width bin, the median (dashed) and p99 (solid) as lines, and each latency budget of the
 * baseline that was checked against the file as a green (met) or red (missed) line, so a reader sees the
 * tail against the budget, not only one percentile.
 */
final class LatencyCharts {

    private static final float PLOT_HEIGHT = 72;
    private static final float AXIS = 14;
    private static final float CAPTION = 12;
    private static final Color BARS = new Color(0x4a, 0x6f, 0xa5);
    private static final Color FRAME = new Color(0xee, 0xf0, 0xf2);

    private LatencyCharts() {
    }

    static void draw(PageFlow flow, LatencyChart chart) {
        float top = flow.take(CAPTION + PLOT_HEIGHT + AXIS + 6);
        flow.text(flow.fonts.bold, PageFlow.SMALL, Cell.INK, flow.left(), top - 8, flow.fonts.fit(flow.fonts.bold,
                chart.fileName() + " (evidence " + chart.evidenceId() + "): " + chart.count() + " inferences, min "
                        + ms(chart.min()) + ", median " + ms(chart.p50()) + ", p99 " + ms(chart.p99()) + ", max "
                        + ms(chart.max())));
        double lo = chart.min();
        double hi = chart.max();
        for (KpiCheck budget : chart.budgets()) {
            lo = Math.min(lo, budget.threshold().doubleValue());
            hi = Math.max(hi, budget.threshold().doubleValue());
        }
        double pad = Math.max((hi - lo) * 0.04, 1e-6);
        Axis axis = new Axis(lo - pad, hi + pad, flow.left(), flow.width());
        float base = top - CAPTION - PLOT_HEIGHT;
        try {
            PDPageContentStream c = flow.canvas();
            c.setNonStrokingColor(FRAME);
            c.addRect(flow.left(), base, flow.width(), PLOT_HEIGHT);
            c.fill();
            bars(c, chart, axis, base);
            marker(c, axis.x(chart.p50()), base, Cell.GREY, true);
            marker(c, axis.x(chart.p99()), base, Cell.INK, false);
            for (KpiCheck budget : chart.budgets()) {
                marker(c, axis.x(budget.threshold().doubleValue()), base, budget.met() ? Cell.GREEN : Cell.RED, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Each line named at its top, staggered so that lines close together keep readable names.
        int row = 0;
        label(flow, axis.x(chart.p50()), base, row++, "median", Cell.GREY);
        label(flow, axis.x(chart.p99()), base, row++, "p99", Cell.INK);
        for (KpiCheck budget : chart.budgets()) {
            label(flow, axis.x(budget.threshold().doubleValue()), base, row++,
                    statistic(budget.criterion()) + " " + budget.comparator() + " " + Charts.plain(budget.threshold()),
                    budget.met() ? Cell.GREEN : Cell.RED);
        }
        for (int i = 0; i <= 4; i++) {
            double value = axis.lo + (axis.hi - axis.lo) * i / 4;
            String label = ms(value);
            float width = flow.fonts.width(flow.fonts.regular, PageFlow.SMALL, label);
            float x = Math.max(flow.left(), Math.min(axis.x(value) - width / 2, flow.left() + flow.width() - width));
            flow.text(flow.fonts.regular, PageFlow.SMALL, Cell.GREY, x, base - 9, label);
        }
        StringBuilder legend = new StringBuilder("bars: inferences per bin · dashed: median · dark: p99");
        for (KpiCheck budget : chart.budgets()) {
            legend.append(" · ").append(budget.met() ? "green" : "red").append(": ").append(budget.criterion());
        }
        flow.paragraph(legend.toString(), flow.fonts.regular, PageFlow.SMALL, Cell.GREY);
        flow.gap(4);
    }

    private static void label(PageFlow flow, float x, float base, int row, String text, Color color) {
        float width = flow.fonts.width(flow.fonts.regular, PageFlow.SMALL, text);
        float right = flow.left() + flow.width();
        float at = x + 2 + width > right ? x - 2 - width : x + 2;
        flow.text(flow.fonts.regular, PageFlow.SMALL, color, at, base + PLOT_HEIGHT - 8 - 8 * (row % 4), text);
    }

    private static void bars(PDPageContentStream c, LatencyChart chart, Axis axis, float base) throws IOException {
        int n = chart.bins().size();
        long tallest = chart.bins().stream().mapToLong(Long::longValue).max().orElse(1);
        double binWidth = (chart.max() - chart.min()) / n;
        c.setNonStrokingColor(BARS);
        for (int i = 0; i < n; i++) {
            long count = chart.bins().get(i);
            if (count == 0) {
                continue;
            }
            float x0 = axis.x(chart.min() + binWidth * i);
            float x1 = n == 1 ? x0 + 2 : axis.x(chart.min() + binWidth * (i + 1));
            // A bin with a single inference in a tail of thousands stays visible.
            float height = Math.max(1f, (float) (PLOT_HEIGHT - 4) * count / tallest);
            c.addRect(x0, base, Math.max(x1 - x0 - 0.4f, 0.6f), height);
        }
        c.fill();
    }

    private static void marker(PDPageContentStream c, float x, float base, Color color, boolean dashed)
            throws IOException {
        c.setStrokingColor(color);
        c.setLineWidth(1.1f);
        if (dashed) {
            c.setLineDashPattern(new float[] {2, 2}, 0);
        }
        c.moveTo(x, base);
        c.lineTo(x, base + PLOT_HEIGHT);
        c.stroke();
        if (dashed) {
            c.setLineDashPattern(new float[] {}, 0);
        }
    }

    /** {@code latency.p99_ms[target=orin] <= 30 ms} → {@code p99}: which statistic the budget limits. */
    static String statistic(String criterion) {
        int end = criterion.length();
        for (char stop : new char[] {'[', ' ', '<', '>', '='}) {
            int at = criterion.indexOf(stop);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        String metric = criterion.substring(0, end);
        metric = metric.startsWith("latency.") ? metric.substring("latency.".length()) : metric;
        return metric.endsWith("_ms") ? metric.substring(0, metric.length() - 3) : metric;
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f ms", value);
    }

    /** Milliseconds to points along the plot. */
    private record Axis(double lo, double hi, float left, float width) {
        float x(double value) {
            return (float) (left + width * (value - lo) / (hi - lo));
        }
    }
}
