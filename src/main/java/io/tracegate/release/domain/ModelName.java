package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.regex.Pattern;

/** A model family's name, a URL-safe slug such as {@code front-camera-object-detector}. */
public record ModelName(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?");

    public ModelName {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidInput("name", "must be 1-100 lower-case letters, digits, '.', '_' or '-', "
                    + "starting and ending with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
