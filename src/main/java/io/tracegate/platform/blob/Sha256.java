package io.tracegate.platform.blob;

import io.tracegate.platform.failure.InvalidInput;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex digits. Upper-case input is accepted and normalised. */
public record Sha256(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    /** Parses user input, naming {@code field} when it is not a digest. */
    public static Sha256 parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "a SHA-256 digest (64 hex digits) is required");
        }
        String normalised = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!HEX64.matcher(normalised).matches()) {
            throw new InvalidInput(field, "must be 64 hex digits (SHA-256), got " + text.length() + " characters");
        }
        return new Sha256(normalised);
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
