package io.tracegate.platform.blob;

import io.tracegate.platform.failure.InvalidInput;

import java.util.HexFormat;

/** A SHA-256 digest as 64 lower-case hex digits. Upper-case input is accepted and normalised. */
public record Sha256(String hex) {

    public Sha256 {
        if (!isDigest(hex)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    /** Parses user input, naming {@code field} when it is not a digest. */
    public static Sha256 parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "a SHA-256 digest (64 hex digits) is required");
        }
        String normalised = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!isDigest(normalised)) {
            throw new InvalidInput(field, "must be 64 hex digits (SHA-256), got " + text.length() + " characters");
        }
        return new Sha256(normalised);
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    /**
     * 64 lower-case hex digits. A loop, not a regular expression: a package of 20,000 evidence files builds this
     * value for each several times, and the regex was a tenth of reading the release.
     */
    private static boolean isDigest(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return hex;
    }
}
