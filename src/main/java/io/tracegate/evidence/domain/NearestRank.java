package io.tracegate.evidence.domain;

/**
 * Percentiles the way trtexec computes its console summary (TensorRT {@code samples/common/sampleReporting.cpp}):
 * sort ascending, exclude = floor((1 − p/100) · n), take the value at index max(n − 1 − exclude, 0). That is the
 * nearest-rank method; it is evaluated here in exact integer arithmetic where trtexec uses float, so p99 of 100
 * values is the 99th smallest, never the maximum by rounding accident.
 */
public final class NearestRank {

    private NearestRank() {
    }

    /** The percentile of the first {@code n} of {@code sorted} (ascending) for a whole-number percent. */
    public static double percentile(double[] sorted, int n, int percent) {
        if (n <= 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percentile " + percent + " of " + n + " values");
        }
        long exclude = (long) (100 - percent) * n / 100; // floor, exact
        return sorted[(int) Math.max(n - 1 - exclude, 0)];
    }
}
