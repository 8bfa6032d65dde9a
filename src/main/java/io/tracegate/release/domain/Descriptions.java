package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

/** The rule every free-text description follows: optional, at most 4000 characters. */
final class Descriptions {

    static final int MAX = 4000;

    private Descriptions() {
    }

    static String check(String field, String text) {
        if (text != null && text.length() > MAX) {
            throw new InvalidInput(field, "must be at most " + MAX + " characters");
        }
        return text;
    }
}
