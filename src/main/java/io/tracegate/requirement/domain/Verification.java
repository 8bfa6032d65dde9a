package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How and at which level a requirement is verified, e.g. HIL at the ML-model level. */
public record Verification(String method, String level) {

    public static final List<String> METHODS = List.of("TEST", "HIL", "SIL", "FLEET", "ANALYSIS", "REVIEW", "INSPECTION");
    public static final List<String> LEVELS = List.of("ml-model", "component", "system", "vehicle");

    public Verification {
        if (method != null) {
            method = method.trim().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new InvalidInput("verification.method", "unknown method '" + method + "'; one of " + METHODS);
            }
        }
        if (level != null) {
            level = level.trim().toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw new InvalidInput("verification.level", "unknown level '" + level + "'; one of " + LEVELS);
            }
        }
    }

    public static Verification none() {
        return new Verification(null, null);
    }

    @Override
    public String toString() {
        return Arrays.asList(method, level).toString();
    }
}
