package io.tracegate.evidence.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One measured value, e.g. {@code recall[class=pedestrian, set=night-hil] = 0.951}. Names and scope keys
 * follow the acceptance-criterion grammar so a criterion can be matched against metrics directly.
 *
 * @param unit absent for dimensionless values (ratios, counts)
 */
public record Metric(String name, SortedMap<String, String> scope, BigDecimal value, String unit) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final Pattern SCOPE_KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SCOPE_VALUE = Pattern.compile("[A-Za-z0-9._-]+");

    public Metric {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 120) {
            throw new InvalidInput("metric", "bad metric name '" + name + "'; lower-case letters, digits, '_' and '.'");
        }
        if (value == null) {
            throw new InvalidInput("metric", "metric '" + name + "' has no value");
        }
        SortedMap<String, String> copy = new TreeMap<>();
        if (scope != null) {
            for (Map.Entry<String, String> e : scope.entrySet()) {
                if (!SCOPE_KEY.matcher(e.getKey()).matches() || e.getValue() == null
                        || !SCOPE_VALUE.matcher(e.getValue()).matches() || e.getValue().length() > 120) {
                    throw new InvalidInput("metric", "bad scope entry '" + e.getKey() + "=" + e.getValue()
                            + "' on metric '" + name + "'");
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        scope = Collections.unmodifiableSortedMap(copy);
        unit = unit == null || unit.isBlank() ? null : unit.trim();
    }

    public static Metric of(String name, BigDecimal value, String unit, Map<String, String> scope) {
        return new Metric(name, scope == null ? null : new TreeMap<>(scope), value, unit);
    }

    /** A copy with {@code defaults} added for every scope key this metric does not set itself. */
    public Metric withDefaultScope(Map<String, String> defaults) {
        SortedMap<String, String> merged = new TreeMap<>(defaults);
        merged.putAll(scope);
        return new Metric(name, merged, value, unit);
    }

    /** Whether this metric's scope holds every entry of {@code wanted} (extra entries of its own are fine). */
    public boolean covers(Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(scope.get(w.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How far this value dropped from the same metric of the reference release: reference minus this, in
     * percentage points for ratios (no unit), in the metric's unit otherwise; empty when the units differ.
     */
    public Optional<BigDecimal> dropFrom(Metric reference) {
        if (!Objects.equals(reference.unit(), unit)) {
            return Optional.empty();
        }
        BigDecimal drop = reference.value().subtract(value);
        return Optional.of((unit == null ? drop.multiply(HUNDRED) : drop).stripTrailingZeros());
    }

    /** The stored form of a scope: {@code key=value} pairs, sorted, comma-separated. */
    public static String scopeText(Map<String, String> scope) {
        return new TreeMap<>(scope).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** Reads {@link #scopeText} back. */
    public static SortedMap<String, String> parseScope(String text) {
        SortedMap<String, String> scope = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String entry : text.split(",")) {
                int eq = entry.indexOf('=');
                scope.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return scope;
    }

    @Override
    public String toString() {
        String scopeText = scope.isEmpty() ? "" : scope.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "[", "]"));
        return name + scopeText + " = " + value.toPlainString() + (unit == null ? "" : " " + unit);
    }
}
