package io.tracegate.audit.infrastructure.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyChartsTest {

    @Test
    void aBudgetIsNamedByTheStatisticItLimits() {
        assertThat(LatencyCharts.statistic("latency.p99_ms[target=orin] <= 30 ms")).isEqualTo("p99");
        assertThat(LatencyCharts.statistic("latency.mean_ms <= 18")).isEqualTo("mean");
        assertThat(LatencyCharts.statistic("latency.max_ms>=1")).isEqualTo("max");
    }

    @Test
    void millisecondsAreShownWithTwoDecimalsWhateverTheLocale() {
        assertThat(LatencyCharts.ms(21.004)).isEqualTo("21.00 ms");
    }
}
