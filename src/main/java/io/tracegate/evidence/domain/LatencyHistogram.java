package io.tracegate.evidence.domain;

import java.util.Arrays;
import java.util.List;

/**
 * How per-inference latencies are spread: equal-width bins from the fastest to the slowest inference, with
 * the median and the p99 by trtexec's nearest-rank rule (the same numbers the evidence's metrics carry).
 *
 * @param counts inferences per bin, fastest bin first; they add up to {@code count}
 */
public record LatencyHistogram(long count, double min, double max, double p50, double p99, List<Long> counts) {

    public LatencyHistogram {
        counts = List.copyOf(counts);
        if (count <= 0 || counts.isEmpty() || counts.stream().mapToLong(Long::longValue).sum() != count) {
            throw new IllegalArgumentException("a histogram needs inferences, and bins that hold all " + count);
        }
    }

    /**
     * @param values the latencies in ms; sorted in place
     * @param n      how many of {@code values} are used
     * @param bins   how many bins (a single bin when all values are equal)
     */
    public static LatencyHistogram of(double[] values, int n, int bins) {
        if (n <= 0 || bins <= 0) {
            throw new IllegalArgumentException("no latencies, or no bins");
        }
        Arrays.sort(values, 0, n);
        double min = values[0];
        double max = values[n - 1];
        int binCount = max > min ? bins : 1;
        long[] counts = new long[binCount];
        double width = (max - min) / binCount;
        for (int i = 0; i < n; i++) {
            int bin = width == 0 ? 0 : (int) Math.min(binCount - 1, Math.floor((values[i] - min) / width));
            counts[bin]++;
        }
        return new LatencyHistogram(n, min, max, NearestRank.percentile(values, n, 50),
                NearestRank.percentile(values, n, 99), Arrays.stream(counts).boxed().toList());
    }

    /** The lower edge of bin {@code i}. */
    public double lowerEdge(int i) {
        return min + (max - min) * i / counts.size();
    }

    public long tallest() {
        return counts.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
