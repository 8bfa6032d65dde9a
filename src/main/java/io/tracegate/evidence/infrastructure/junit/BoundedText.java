package io.tracegate.evidence.infrastructure.junit;

/**
 * Text gathered from a stream of character chunks that keeps at most {@code limit} characters and
 * silently drops the rest: a 500 MB stack trace in a test report costs {@code limit} characters.
 */
final class BoundedText {

    private final int limit;
    private final StringBuilder text = new StringBuilder();

    BoundedText(int limit) {
        this.limit = limit;
    }

    void append(char[] chars, int start, int length) {
        int room = limit - text.length();
        if (room > 0) {
            text.append(chars, start, Math.min(room, length));
        }
    }

    /** {@code value} cut to {@code limit} characters. */
    static String cut(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
