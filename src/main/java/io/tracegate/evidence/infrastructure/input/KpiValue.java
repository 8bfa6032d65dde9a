package io.tracegate.evidence.infrastructure.input;

import io.tracegate.requirement.domain.AcceptanceCriterion;

import java.math.BigDecimal;

/**
 * The rules for a value and a unit in a KPI file (CSV or JSON), so both conventions accept exactly the
 * same numbers. Values are exact decimals; exponents are accepted but bounded, because a value such as
 * {@code 1e999999999} is a few bytes to upload and a billion digits to print.
 */
public final class KpiValue {

    /** Digits allowed before and after the decimal point once the exponent is applied. */
    static final int MAX_DIGITS = 30;

    private KpiValue() {
    }

    /**
     * @throws IllegalArgumentException whose message says what is wrong with the text, for the caller to
     *                                  prefix with the place it came from
     */
    public static BigDecimal parse(String text) {
        String quoted = "'" + shorten(text) + "'";
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a value is required");
        }
        if (text.length() > 100) {
            throw new IllegalArgumentException(quoted + " is too long for a number");
        }
        if (text.endsWith("%")) {
            throw new IllegalArgumentException(quoted + " is not a number; write a percentage as a number with unit %");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quoted + " is not a number");
        }
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_DIGITS) {
            throw new IllegalArgumentException(quoted + " has more than " + MAX_DIGITS + " digits before the decimal point");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_DIGITS) {
            throw new IllegalArgumentException(quoted + " has more than " + MAX_DIGITS + " decimal places");
        }
        // 1.5E+2 and 150 are the same measurement; keep the plain form so criteria and reports read alike.
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * The unit, one of the units acceptance criteria use, or {@code null} for none.
     *
     * @throws IllegalArgumentException naming the units allowed
     */
    public static String unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String unit = text.strip();
        if (!AcceptanceCriterion.UNITS.contains(unit)) {
            throw new IllegalArgumentException("unknown unit '" + shorten(unit) + "'; one of " + AcceptanceCriterion.UNITS
                    + " or none");
        }
        return unit;
    }

    /** Cuts text quoted in an error message, so a hostile cell cannot make the message huge. */
    public static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
