package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** What a requirement is about, from the safety goal down to the ML model's KPIs. */
public enum RequirementKind {
    SAFETY_GOAL, FUNCTIONAL_SAFETY_REQUIREMENT, TECHNICAL_SAFETY_REQUIREMENT, ML_PERFORMANCE, ML_DEGRADATION,
    TIMING, RESOURCE, ROBUSTNESS, OOD, RUNTIME_MONITORING, DATA;

    /** The spelling used in files: {@code ml-performance}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RequirementKind parse(String field, String text) {
        String normalised = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "unknown kind '" + text + "'; one of "
                        + Arrays.stream(values()).map(RequirementKind::slug).toList()));
    }
}
