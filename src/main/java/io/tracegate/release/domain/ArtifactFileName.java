package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.nio.charset.StandardCharsets;

/**
 * The name the uploader gave a file. Display-only: storage paths come from the content digest, so the
 * name may contain anything printable except path separators; control characters (NUL, CR, LF, ...)
 * are refused because they break headers and logs, format characters (bidi controls such as U+202E,
 * zero-width ones) because they make a name read differently from what it is (threat T9).
 */
public record ArtifactFileName(String value) {

    public static final int MAX_BYTES = 255;

    public ArtifactFileName {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("fileName", "is required");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInput("fileName", "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (value.equals(".") || value.equals("..") || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new InvalidInput("fileName", "must be a file name, not a path");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInput("fileName", "must not contain control characters (found U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at index " + i + ")");
            }
            // Bidi overrides (U+202E makes "a\u202Enib.exe" read "aexe.bin"), zero-width and other format characters.
            if (Character.getType(value.charAt(i)) == Character.FORMAT) {
                throw new InvalidInput("fileName", "must not contain invisible formatting characters such as "
                        + "bidirectional controls (found U+" + String.format("%04X", (int) value.charAt(i)) + " at index "
                        + i + "): they make a name read as something it is not");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
