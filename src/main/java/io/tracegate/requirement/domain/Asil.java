package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** ISO 26262 Automotive Safety Integrity Level, QM lowest to D highest; the order is meaningful. */
public enum Asil {
    QM, A, B, C, D;

    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("^ASIL[\\s_-]*");

    /** Accepts {@code B}, {@code ASIL B}, {@code ASIL-B}, {@code asil_b}, {@code qm}. */
    public static Asil parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required; one of " + Arrays.toString(values()));
        }
        String normalised = PREFIX.matcher(text.trim().toUpperCase(Locale.ROOT)).replaceFirst("");
        return Arrays.stream(values()).filter(a -> a.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "unknown ASIL '" + text + "'; one of " + Arrays.toString(values())));
    }

    public boolean atLeast(Asil other) {
        return compareTo(other) >= 0;
    }
}
