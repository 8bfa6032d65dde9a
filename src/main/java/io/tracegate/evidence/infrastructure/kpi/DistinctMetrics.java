package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one KPI file, each name and scope at most once: two values for
 * {@code recall[class=pedestrian, set=night-hil]} in one file would let a gate pick whichever it meets.
 */
final class DistinctMetrics {

    private final Map<String, String> firstSeen = new HashMap<>();
    private final List<Metric> metrics = new ArrayList<>();

    /**
     * Adds the metric unless the file gave the same name and scope before.
     *
     * @param where the place in the file, for a later duplicate's message
     * @return where the same metric was given before, or {@code null} when it is new and was added
     */
    String add(Metric metric, String where) {
        String identity = metric.name() + metric.scope();
        String before = firstSeen.putIfAbsent(identity, where);
        if (before == null) {
            metrics.add(metric);
        }
        return before;
    }

    int size() {
        return metrics.size();
    }

    List<Metric> list() {
        return metrics;
    }
}
