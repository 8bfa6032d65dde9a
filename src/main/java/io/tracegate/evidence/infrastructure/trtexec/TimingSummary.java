package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.domain.NearestRank;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Min, max, mean, median and percentiles of a set of timings, computed the way trtexec computes its
 * console summary (TensorRT {@code samples/common/sampleReporting.cpp}), so that our numbers match the
 * ones engineers see in the log:
 * <ul>
 *   <li>percentiles by nearest rank ({@link NearestRank});</li>
 *   <li>median: the middle value, or the mean of the two middle values for an even count (so
 *       {@code median} and {@code p50} can differ);</li>
 *   <li>mean: the sum divided by n (summed in double, where trtexec sums in float).</li>
 * </ul>
 */
record TimingSummary(int count, double min, double max, double mean, double median, double p50, double p90, double p95,
                     double p99) {

    /** Reported values are rounded to a nanosecond (six decimals of a millisecond). */
    static final int DECIMALS = 6;

    static TimingSummary ofSorted(double[] sorted, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("no timings");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new TimingSummary(n, sorted[0], sorted[n - 1], sum / n, median, NearestRank.percentile(sorted, n, 50),
                NearestRank.percentile(sorted, n, 90), NearestRank.percentile(sorted, n, 95),
                NearestRank.percentile(sorted, n, 99));
    }

    /** A timing as a decimal for a metric: the shortest form of the double, rounded to {@link #DECIMALS}. */
    static BigDecimal decimal(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
