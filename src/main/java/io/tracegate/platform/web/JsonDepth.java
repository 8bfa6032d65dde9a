package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;

/**
 * Counts bracket nesting outside strings before any parser sees the text: a 100k-deep document is
 * refused in one linear pass instead of exhausting a recursive parser.
 */
final class JsonDepth {

    private JsonDepth() {
    }

    static void check(byte[] json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > maxDepth) {
                        throw new InvalidInput("body", "JSON nesting deeper than " + maxDepth + " levels");
                    }
                }
                case '}', ']' -> depth--;
                default -> { }
            }
        }
    }
}
