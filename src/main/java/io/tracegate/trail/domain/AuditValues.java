package io.tracegate.trail.domain;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;

/**
 * Keeps recorded text within its column and storable exactly as hashed. A value longer than the column,
 * or one a database cannot store verbatim (NUL, unpaired surrogates), is recorded as
 * {@code sha256:<64 hex digits>} of its UTF-8 bytes: the event then binds the exact value without holding
 * it, and whoever has the value can check it. Callers may do the same for large values themselves (a
 * recipe, a file): {@link #digest}.
 */
public final class AuditValues {

    /** Longest before/after value and reason (the columns are VARCHAR(2000)). */
    public static final int MAX_VALUE = 2000;
    /** Longest actor (VARCHAR(200)): a login failure records whatever name was tried. */
    public static final int MAX_ACTOR = 200;
    public static final int MAX_ACTION = 100;
    public static final int MAX_SUBJECT_TYPE = 50;
    public static final int MAX_SUBJECT_ID = 200;

    static final String DIGEST_PREFIX = "sha256:";

    private AuditValues() {
    }

    /** {@code value} itself when it fits and is storable as it is, else its {@link #digest}; null stays null. */
    public static String bounded(String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() <= max && storable(value)) {
            return value;
        }
        return digest(value);
    }

    /**
     * A compact JSON object for a before or after value, from name/value pairs in the order given: strings,
     * numbers, booleans and nulls; anything else is written as its {@code toString()}. E.g.
     * {@code json("status", "DRAFT", "baselineId", 7)} gives {@code {"status":"DRAFT","baselineId":7}}.
     */
    public static String json(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                json.addNull(name);
            } else if (value instanceof Integer || value instanceof Long) {
                json.add(name, ((Number) value).longValue());
            } else if (value instanceof Number number) {
                json.add(name, new java.math.BigDecimal(number.toString()));
            } else if (value instanceof Boolean bool) {
                json.add(name, bool);
            } else {
                json.add(name, value.toString());
            }
        }
        return json.build().toString();
    }

    /** {@code sha256:} and the hex SHA-256 of the value's UTF-8 bytes. */
    public static String digest(String value) {
        return DIGEST_PREFIX + AuditChain.sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** No NUL (PostgreSQL text cannot hold it) and no unpaired surrogate (not encodable as UTF-8). */
    static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
