package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine-checkable acceptance criterion: {@code metric[key=value, ...] comparator threshold [unit]},
 * e.g. {@code recall[class=pedestrian, set=night-hil] >= 0.95} or {@code latency.p99_ms[target=orin] <= 30 ms}.
 * The scope says which measurements count (data set, class, target, condition).
 */
public record AcceptanceCriterion(String metric, SortedMap<String, String> scope, Comparator comparator,
                                  BigDecimal threshold, String unit) {

    public static final List<String> UNITS = List.of("ms", "MiB", "%", "pp");

    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final Pattern SCOPE_ENTRY = Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*=\\s*([A-Za-z0-9._-]+)\\s*");
    private static final Pattern CRITERION = Pattern.compile(
            "\\s*([a-z][a-z0-9_.]*)\\s*(?:\\[([^\\]]*)\\])?\\s*(>=|<=|==|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*(\\S+)?\\s*");

    public AcceptanceCriterion {
        if (metric == null || !METRIC.matcher(metric).matches()) {
            throw new InvalidInput("criteria", "bad metric name '" + metric + "'");
        }
        scope = Collections.unmodifiableSortedMap(new TreeMap<>(scope == null ? new TreeMap<>() : scope));
        if (comparator == null || threshold == null) {
            throw new InvalidInput("criteria", "a criterion needs a comparator and a threshold");
        }
        if (unit != null && !UNITS.contains(unit)) {
            throw new InvalidInput("criteria", "unknown unit '" + unit + "'; one of " + UNITS);
        }
    }

    /** Parses the text form; the error names the criterion text so a file's author can find it. */
    public static AcceptanceCriterion parse(String text) {
        Matcher m = CRITERION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidInput("criteria", "cannot read criterion '" + text
                    + "'; expected metric[key=value, ...] >=|<=|>|<|== number [unit], e.g. recall[class=pedestrian] >= 0.95");
        }
        SortedMap<String, String> scope = new TreeMap<>();
        if (m.group(2) != null && !m.group(2).isBlank()) {
            for (String entry : m.group(2).split(",")) {
                Matcher e = SCOPE_ENTRY.matcher(entry);
                if (!e.matches()) {
                    throw new InvalidInput("criteria", "bad scope entry '" + entry.trim() + "' in '" + text
                            + "'; expected key=value");
                }
                if (scope.put(e.group(1), e.group(2)) != null) {
                    throw new InvalidInput("criteria", "scope key '" + e.group(1) + "' twice in '" + text + "'");
                }
            }
        }
        return new AcceptanceCriterion(m.group(1), scope, Comparator.ofSymbol(m.group(3)).orElseThrow(),
                new BigDecimal(m.group(4)), m.group(5));
    }

    public Optional<String> unitIfAny() {
        return Optional.ofNullable(unit);
    }

    /** Whether a measured value meets the criterion. */
    public boolean isMetBy(BigDecimal measured) {
        return comparator.holds(measured, threshold);
    }

    /** The canonical text form: sorted scope, single spaces; equal criteria have equal text. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(64).append(metric);
        if (!scope.isEmpty()) {
            text.append('[');
            for (Map.Entry<String, String> entry : scope.entrySet()) {
                if (text.charAt(text.length() - 1) != '[') {
                    text.append(", ");
                }
                text.append(entry.getKey()).append('=').append(entry.getValue());
            }
            text.append(']');
        }
        text.append(' ').append(comparator.symbol()).append(' ').append(threshold.toPlainString());
        return unit == null ? text.toString() : text.append(' ').append(unit).toString();
    }
}
