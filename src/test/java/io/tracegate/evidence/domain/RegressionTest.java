package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegressionTest {

    private static Metric recall(String value, String set) {
        return Metric.of("recall", new BigDecimal(value), null, Map.of("class", "cyclist", "set", set));
    }

    @Test
    void deltasAgainstReferenceAndPreviousAreJudgedByTheDropCriterion() {
        List<Regression.Row> rows = Regression.between(List.of(recall("0.90", "night"), recall("0.905", "night")),
                List.of(recall("0.912", "night")), List.of(recall("0.899", "night")),
                List.of(AcceptanceCriterion.parse("recall_drop_vs_reference[class=cyclist] <= 0.5 pp"),
                        AcceptanceCriterion.parse("recall[set=night] >= 0.9")));

        Regression.Row row = rows.get(0);
        assertThat(row.value()).as("the later upload wins").isEqualByComparingTo("0.905");
        assertThat(row.deltaVsReference()).isEqualByComparingTo("-0.007");
        assertThat(row.deltaVsPrevious()).isEqualByComparingTo("0.006");
        assertThat(row.checks()).extracting(Regression.Check::met).containsExactly(false, true);
        assertThat(row.checks().get(0).judged()).isEqualByComparingTo("0.7");
        assertThat(row.allowed()).isFalse();
    }

    @Test
    void aMetricNoCriterionMentionsIsShownWithoutAJudgement() {
        List<Regression.Row> rows = Regression.between(List.of(Metric.of("throughput_qps", new BigDecimal("812"), null, Map.of())),
                List.of(), List.of(), List.of(AcceptanceCriterion.parse("recall >= 0.9")));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.allowed()).isNull();
            assertThat(r.reference()).isNull();
        });
    }
}
