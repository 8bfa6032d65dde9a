package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.Locale;

/**
 * What a new password must satisfy: at least 12 characters (NIST SP 800-63B's advice is length, not
 * composition rules), at most 1024, and not the username. Any character is allowed, spaces and
 * non-Latin letters included; length is counted in Unicode code points.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordRules() {
    }

    /**
     * @param field the JSON field to name in the error, e.g. {@code password} or {@code newPassword}
     * @throws InvalidInput naming the broken rule
     */
    public static void check(String username, char[] password, String field) {
        if (password == null || password.length == 0) {
            throw new InvalidInput(field, "is required");
        }
        String text = new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInput(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInput(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        if (username != null && text.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInput(field, "must not be the username");
        }
    }
}
