package io.tracegate.evidence.infrastructure.trtexec;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TimingSummaryTest {

    private static TimingSummary ofOneTo(int n) {
        DoubleSeries series = new DoubleSeries();
        // Added in a scrambled order: the summary must not depend on it.
        IntStream.range(0, n).map(i -> (i * 7919) % n).forEach(i -> series.add(i + 1));
        return series.summarise();
    }

    @Test
    void percentilesOfOneToAHundredAreTheNearestRanks() {
        TimingSummary s = ofOneTo(100);

        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p90()).isEqualTo(90);
        assertThat(s.p95()).isEqualTo(95);
        assertThat(s.p99()).as("the 99th smallest, not the maximum").isEqualTo(99);
        assertThat(s.median()).isEqualTo(50.5);
        assertThat(s.mean()).isEqualTo(50.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
    }

    @Test
    void percentilesOfTenValuesRoundTheRankUp() {
        TimingSummary s = ofOneTo(10);

        // exclude = floor((1 - p/100) * 10): p50 -> 5, p90 -> 1, p95 -> 0, p99 -> 0; index = 9 - exclude
        assertThat(s.p50()).isEqualTo(5);
        assertThat(s.p90()).isEqualTo(9);
        assertThat(s.p95()).isEqualTo(10);
        assertThat(s.p99()).isEqualTo(10);
        assertThat(s.median()).as("the mean of the two middle values").isEqualTo(5.5);
    }

    @Test
    void anOddCountHasTheMiddleValueAsMedianAndP50() {
        TimingSummary s = ofOneTo(7);

        assertThat(s.median()).isEqualTo(4);
        assertThat(s.p50()).isEqualTo(4);
        assertThat(s.p90()).isEqualTo(7);
    }

    @Test
    void aSingleValueIsEveryStatistic() {
        TimingSummary s = ofOneTo(1);

        assertThat(new double[]{s.min(), s.max(), s.mean(), s.median(), s.p50(), s.p99()}).containsOnly(1);
    }

    @Test
    void seriesGrowPastTheirInitialCapacity() {
        TimingSummary s = ofOneTo(5000);

        assertThat(s.count()).isEqualTo(5000);
        assertThat(s.p99()).isEqualTo(4950);
        assertThat(s.max()).isEqualTo(5000);
    }

    @Test
    void decimalsAreRoundedToANanosecondAndKeptPlain() {
        assertThat(TimingSummary.decimal(12.666666666).toPlainString()).isEqualTo("12.666667");
        assertThat(TimingSummary.decimal(100.0).toPlainString()).isEqualTo("100");
        assertThat(TimingSummary.decimal(0.1 + 0.2).toPlainString()).isEqualTo("0.3");
    }
}
