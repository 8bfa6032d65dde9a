package io.tracegate.evidence.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricTest {

    private static Metric recall(String value, String unit) {
        return Metric.of("recall", new BigDecimal(value), unit, Map.of("class", "cyclist", "set", "night-hil"));
    }

    @Test
    void aScopeCoversACriterionThatAsksForAnySubsetOfIt() {
        Metric m = recall("0.9", null);
        assertThat(m.covers(Map.of())).isTrue();
        assertThat(m.covers(Map.of("class", "cyclist"))).isTrue();
        assertThat(m.covers(Map.of("class", "cyclist", "iou", "0.5"))).isFalse();
        assertThat(m.covers(Map.of("class", "pedestrian"))).isFalse();
    }

    @Test
    void aRatioDropsInPercentagePointsAndOtherUnitsInTheirOwn() {
        assertThat(recall("0.889", null).dropFrom(recall("0.927", null))).hasValueSatisfying(
                d -> assertThat(d).isEqualByComparingTo("3.8"));
        assertThat(recall("93.1", "%").dropFrom(recall("94.0", "%"))).hasValueSatisfying(
                d -> assertThat(d).isEqualByComparingTo("0.9"));
        assertThat(recall("0.9", null).dropFrom(recall("90", "%"))).as("units differ").isEmpty();
    }

    @Test
    void theStoredScopeTextReadsBackToTheSameScope() {
        Metric m = recall("0.9", null);
        assertThat(Metric.scopeText(m.scope())).isEqualTo("class=cyclist,set=night-hil");
        assertThat(Metric.parseScope(Metric.scopeText(m.scope()))).isEqualTo(m.scope());
        assertThat(Metric.parseScope("")).isEmpty();
    }
}
