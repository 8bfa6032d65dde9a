package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * KPI regression of a release against its reference (FP32) release and the previous release of the
 * model: per measured metric (name and scope), the deltas, and whether the baseline's criteria allow the
 * value — both the criteria on the metric itself and the {@code <m>_drop_vs_reference} criteria, whose
 * drop is computed as in the trace matrix (percentage points for ratios). Where several files measured the
 * same metric, the most recent upload is the release's value.
 */
public final class Regression {

    /** One criterion that applies to the row's value, and whether the value meets it. */
    public record Check(String criterion, BigDecimal judged, boolean met) {
    }

    /**
     * @param allowed absent when no criterion of the baseline applies to this metric
     */
    public record Row(String metric, Map<String, String> scope, String unit, BigDecimal value,
                      BigDecimal reference, BigDecimal deltaVsReference, BigDecimal previous,
                      BigDecimal deltaVsPrevious, List<Check> checks, Boolean allowed) {
    }

    private Regression() {
    }

    /**
     * @param current   this release's metrics, oldest upload first (later values win)
     * @param reference the reference release's metrics (empty when there is none)
     * @param previous  the previous release's metrics (empty when there is none)
     */
    public static List<Row> between(List<Metric> current, List<Metric> reference, List<Metric> previous,
                                    List<AcceptanceCriterion> criteria) {
        Map<String, Metric> now = latest(current);
        Map<String, Metric> ref = latest(reference);
        Map<String, Metric> prev = latest(previous);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Metric> entry : now.entrySet()) {
            Metric m = entry.getValue();
            Optional<Metric> r = Optional.ofNullable(ref.get(entry.getKey())).filter(x -> Objects.equals(x.unit(), m.unit()));
            Optional<Metric> p = Optional.ofNullable(prev.get(entry.getKey())).filter(x -> Objects.equals(x.unit(), m.unit()));
            List<Check> checks = new ArrayList<>();
            for (AcceptanceCriterion c : criteria) {
                if (!m.covers(c.scope())) {
                    continue;
                }
                if (c.metric().equals(m.name())) {
                    checks.add(new Check(c.toString(), m.value(), c.isMetBy(m.value())));
                } else if (c.metric().equals(m.name() + "_drop_vs_reference") && r.isPresent()) {
                    m.dropFrom(r.get()).ifPresent(drop -> checks.add(new Check(c.toString(), drop, c.isMetBy(drop))));
                }
            }
            Boolean allowed = checks.isEmpty() ? null : checks.stream().allMatch(Check::met);
            rows.add(new Row(m.name(), m.scope(), m.unit(), m.value(),
                    r.map(Metric::value).orElse(null), r.map(x -> m.value().subtract(x.value())).orElse(null),
                    p.map(Metric::value).orElse(null), p.map(x -> m.value().subtract(x.value())).orElse(null),
                    checks, allowed));
        }
        rows.sort(Comparator.comparing(Row::metric).thenComparing(row -> row.scope().toString()));
        return rows;
    }

    private static Map<String, Metric> latest(List<Metric> metrics) {
        Map<String, Metric> byKey = new LinkedHashMap<>();
        for (Metric m : metrics) {
            byKey.put(m.name() + m.scope(), m);
        }
        return byKey;
    }
}
