package io.tracegate.evidence.infrastructure.trtexec;

import java.util.Arrays;

/**
 * A growing list of primitive doubles: ten million timings are 80 MB as {@code double[]} but several
 * times that as a {@code List<Double>}. The caller enforces its own count limit.
 */
final class DoubleSeries {

    private double[] values = new double[1024];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** A copy of the values, in the order they were added. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** Sorts the values in place (the order they were added in is not needed afterwards) and summarises them. */
    TimingSummary summarise() {
        Arrays.sort(values, 0, size);
        return TimingSummary.ofSorted(values, size);
    }
}
