package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

/** A requirement's identifier, e.g. {@code SG-01} or {@code MLR-PERF-PED-NIGHT}: stable across baselines. */
public record RequirementId(String value) implements Comparable<RequirementId> {

    /**
     * The syntax: letters or digits first (DOORS uses numbers), "_" for tool UUIDs such as _3f2a..., then
     * "-"-separated parts, i.e. {@code [A-Za-z0-9_][A-Za-z0-9_.]*(-[A-Za-z0-9_.]+)*}. Checked by hand: an
     * import builds an id for every requirement and parent, and a regular expression's matcher per id was a
     * visible share of an import's time and garbage.
     */
    static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > 100 || !isIdChar(value.charAt(0))
                || value.charAt(0) == '.' || value.charAt(value.length() - 1) == '-') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' ? value.charAt(i - 1) == '-' : !isIdChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }

    public RequirementId {
        if (!isWellFormed(value)) {
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
