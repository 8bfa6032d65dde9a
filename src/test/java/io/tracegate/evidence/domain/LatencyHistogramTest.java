package io.tracegate.evidence.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyHistogramTest {

    @Test
    void binsSpanTheFastestToTheSlowestInferenceAndHoldEveryOne() {
        double[] latencies = {14.0, 10.0, 11.0, 12.5, 11.0, 20.0};
        LatencyHistogram h = LatencyHistogram.of(latencies, latencies.length, 5);
        assertThat(h.min()).isEqualTo(10.0);
        assertThat(h.max()).isEqualTo(20.0);
        assertThat(h.counts()).containsExactly(3L, 1L, 1L, 0L, 1L);
        assertThat(h.count()).isEqualTo(6);
        assertThat(h.lowerEdge(1)).isEqualTo(12.0);
        assertThat(h.tallest()).isEqualTo(3);
    }

    @Test
    void percentilesFollowTrtexecsNearestRank() {
        double[] latencies = new double[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = 100 - i;
        }
        LatencyHistogram h = LatencyHistogram.of(latencies, 100, 10);
        assertThat(h.p99()).as("the 99th smallest of 100, not the maximum").isEqualTo(99.0);
        assertThat(h.p50()).isEqualTo(50.0);
    }

    @Test
    void equalLatenciesGiveOneBin() {
        LatencyHistogram h = LatencyHistogram.of(new double[] {7.5, 7.5, 7.5}, 3, 48);
        assertThat(h.counts()).containsExactly(3L);
    }

    @Test
    void onlyTheFirstNValuesCount() {
        LatencyHistogram h = LatencyHistogram.of(new double[] {1, 2, 3, 99}, 3, 2);
        assertThat(h.max()).isEqualTo(3);
        assertThat(h.count()).isEqualTo(3);
    }

    @Test
    void binsThatDoNotHoldEveryInferenceAreRefused() {
        assertThatThrownBy(() -> new LatencyHistogram(5, 1, 2, 1, 2, List.of(1L, 1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyHistogram.of(new double[0], 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
