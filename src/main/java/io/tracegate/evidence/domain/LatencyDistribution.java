package io.tracegate.evidence.domain;

import java.util.Objects;

/** The latency distribution of one timing evidence file of a release. */
public record LatencyDistribution(long evidenceId, String fileName, LatencyHistogram histogram) {

    public LatencyDistribution {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(histogram);
    }
}
