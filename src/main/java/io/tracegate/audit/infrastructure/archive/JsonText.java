package io.tracegate.audit.infrastructure.archive;

/**
 * Writes JSON text by hand, so manifest.json is the same bytes whichever JSON implementation the server
 * ships: fixed key order, two-space indentation, LF, RFC 8259 string escaping (non-ASCII kept as UTF-8).
 */
final class JsonText {

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    JsonText open() {
        return openWith("{");
    }

    JsonText open(String key) {
        return key(key).openWith("{");
    }

    JsonText openArray(String key) {
        return key(key).openWith("[");
    }

    JsonText openInArray() {
        return element().openWith("{");
    }

    private JsonText openWith(String bracket) {
        out.append(bracket);
        depth++;
        first = true;
        return this;
    }

    JsonText close() {
        return closeWith("}");
    }

    JsonText closeArray() {
        return closeWith("]");
    }

    private JsonText closeWith(String bracket) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(bracket);
        first = false;
        return this;
    }

    JsonText field(String key, String value) {
        if (value == null) {
            return this;
        }
        key(key);
        string(value);
        return this;
    }

    JsonText field(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    JsonText field(String key, boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    private JsonText key(String key) {
        element();
        string(key);
        out.append(": ");
        return this;
    }

    private JsonText element() {
        if (!first) {
            out.append(',');
        }
        newline();
        first = false;
        return this;
    }

    private void newline() {
        out.append('\n').append("  ".repeat(depth));
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        // a lone surrogate has no UTF-8 form: escaped, the file stays valid UTF-8
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    String text() {
        return out + "\n";
    }
}
