package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.regex.Pattern;

/** A requirement's identifier, e.g. {@code SG-01} or {@code MLR-PERF-PED-NIGHT}: stable across baselines. */
public record RequirementId(String value) implements Comparable<RequirementId> {

    // Letters or digits first (DOORS uses numbers), "_" for tool UUIDs such as _3f2a..., then "-"-separated parts.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.]*(-[A-Za-z0-9_.]+)*");

    public RequirementId {
        if (value == null || value.length() > 100 || !ID.matcher(value).matches()) {
            throw new InvalidInput("id", "a requirement id is letters, digits, '_', '.' in '-'-separated parts "
                    + "(at most 100 characters), got '" + value + "'");
        }
    }

    @Override
    public int compareTo(RequirementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
