package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;

import org.passay.IllegalRegexRule;
import org.passay.PasswordData;
import org.passay.RepeatCharacterRegexRule;

import java.util.Locale;

/**
 * What a new password must satisfy: at least 12 characters (NIST SP 800-63B's advice is length, not
 * composition rules), at most 1024, not the username, not one of the common passwords of breach corpora
 * ({@link CommonPasswords}, ASVS 6.2.4), and not trivial repetition: one character four times in a row, or
 * one piece of up to four characters repeated throughout (Passay's rules). Any character is allowed, spaces
 * and non-Latin letters included (ASVS 6.2.5: no composition rules); length is counted in Unicode code points.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    /** One character four or more times in a row: "aaaa", four spaces. */
    private static final RepeatCharacterRegexRule RUN = new RepeatCharacterRegexRule(4);
    /** The whole password one short piece repeated: "abcabcabcabc", "1212121212121". */
    private static final IllegalRegexRule REPEATED_PIECE = new IllegalRegexRule("^(.{1,4}?)\\1+$");

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
        PasswordData data = new PasswordData(text);
        if (!RUN.validate(data).isValid()) {
            throw new InvalidInput(field, "must not repeat one character four or more times in a row");
        }
        if (!REPEATED_PIECE.validate(data).isValid()) {
            throw new InvalidInput(field, "must not be a short piece repeated");
        }
        if (CommonPasswords.contains(text)) {
            throw new InvalidInput(field, "is one of the most common passwords in published breaches; choose another");
        }
    }
}
