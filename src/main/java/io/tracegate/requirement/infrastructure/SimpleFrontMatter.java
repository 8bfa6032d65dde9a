package io.tracegate.requirement.infrastructure;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain subset of YAML that front matter is nearly always written in, without SnakeYAML: one
 * {@code key: value} per line, where a value is a plain or double-quoted string on one line, a flow list
 * {@code [a, "b"]} or mapping {@code {k: v}} of such strings, or an indented block list ({@code - a}) or
 * mapping of them. SnakeYAML Engine spends most of an import's parsing time setting itself up and
 * interpreting its general grammar for these few lines, in a server whose code has not been compiled yet.
 *
 * <p>It is a shortcut, never a second dialect: it answers only where SnakeYAML (as {@link MarkdownFormat}
 * sets it up) is certain to build exactly the same maps, lists and strings without an error, and gives up
 * ({@code null}) on anything else: comments, other quoting, escapes, anchors, tags, multi-line scalars,
 * duplicate keys, tabs, characters outside printable ASCII, or a plain scalar that the schema would read as
 * anything but a string ({@code null}, {@code true}, {@code 1.0}). The caller then parses with SnakeYAML,
 * which reports every error with its line as before. Only strings, lists and maps are built.
 */
final class SimpleFrontMatter {

    /** The resolver of SnakeYAML's default (JSON) schema, which {@link MarkdownFormat} loads with. */
    private static final ScalarResolver SCHEMA = LoadSettings.builder().build().getSchema().getScalarResolver();

    private final String[] lines;
    private int line;

    private SimpleFrontMatter(String yaml) {
        this.lines = yaml.split("\n", -1);
    }

    /** The mapping SnakeYAML would load from {@code yaml}, or {@code null} where this shortcut cannot be sure. */
    static Map<String, Object> read(String yaml) {
        try {
            return new SimpleFrontMatter(yaml).mapping();
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Thrown (without a stack trace) where the text leaves the subset. */
    private static final class GiveUp extends RuntimeException {
        private static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private Map<String, Object> mapping() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (; line < lines.length; line++) {
            String text = lines[line];
            if (text.isEmpty()) {
                continue;
            }
            int colon = keyEnd(text, 0);
            Object value;
            if (colon + 1 == text.length()) {
                value = block();
            } else if (text.charAt(colon + 1) == ' ') {
                value = inlineValue(text, colon + 2);
            } else {
                throw GiveUp.INSTANCE;
            }
            put(map, text.substring(0, colon), value);
        }
        if (map.isEmpty()) {
            throw GiveUp.INSTANCE;
        }
        return map;
    }

    /** The indented lines after {@code key:}: a block list or mapping of one-line strings. */
    private Object block() {
        int first = line + 1;
        if (first >= lines.length || lines[first].isEmpty()) {
            throw GiveUp.INSTANCE; // a null value, or a blank line where YAML has subtler rules
        }
        int indent = indentOf(lines[first]);
        boolean list = lines[first].startsWith("- ", indent);
        if (indent == 0 && !list) {
            throw GiveUp.INSTANCE;
        }
        List<Object> items = new ArrayList<>();
        Map<String, Object> entries = new LinkedHashMap<>();
        while (line + 1 < lines.length && !lines[line + 1].isEmpty() && indentOf(lines[line + 1]) == indent
                && (lines[line + 1].startsWith("- ", indent) == list)) {
            String text = lines[++line];
            if (list) {
                items.add(scalar(text, indent + 2, true));
            } else {
                int colon = keyEnd(text, indent);
                if (colon + 1 >= text.length() || text.charAt(colon + 1) != ' ') {
                    throw GiveUp.INSTANCE;
                }
                put(entries, text.substring(indent, colon), scalar(text, colon + 2, true));
            }
        }
        int next = line + 1;
        if (next < lines.length && !lines[next].isEmpty() && indentOf(lines[next]) > 0) {
            throw GiveUp.INSTANCE; // deeper or differently indented lines: not this subset
        }
        return list ? items : entries;
    }

    private static Object inlineValue(String text, int from) {
        int at = skipSpaces(text, from);
        if (at == text.length()) {
            throw GiveUp.INSTANCE;
        }
        char c = text.charAt(at);
        if (c == '[' || c == '{') {
            return flow(text, at);
        }
        return scalar(text, at, true);
    }

    /** A flow list or mapping of strings, alone on the rest of the line. */
    private static Object flow(String text, int open) {
        boolean list = text.charAt(open) == '[';
        char close = list ? ']' : '}';
        List<Object> items = new ArrayList<>();
        Map<String, Object> entries = new LinkedHashMap<>();
        int at = skipSpaces(text, open + 1);
        if (at < text.length() && text.charAt(at) == close) {
            at++;
        } else {
            while (true) {
                if (list) {
                    int end = scalarEnd(text, at);
                    items.add(scalar(text.substring(0, end), at, false));
                    at = end;
                } else {
                    int colon = keyEnd(text, at);
                    if (colon + 1 >= text.length() || text.charAt(colon + 1) != ' ') {
                        throw GiveUp.INSTANCE;
                    }
                    int from = skipSpaces(text, colon + 1);
                    int end = scalarEnd(text, from);
                    put(entries, text.substring(at, colon), scalar(text.substring(0, end), from, false));
                    at = end;
                }
                at = skipSpaces(text, at);
                if (at >= text.length()) {
                    throw GiveUp.INSTANCE;
                }
                char c = text.charAt(at++);
                if (c == close) {
                    break;
                }
                if (c != ',') {
                    throw GiveUp.INSTANCE;
                }
                at = skipSpaces(text, at);
            }
        }
        if (skipSpaces(text, at) != text.length()) {
            throw GiveUp.INSTANCE;
        }
        return list ? items : entries;
    }

    /** Where a scalar starting at {@code from} ends inside a flow collection (its closing quote, or before , ] }). */
    private static int scalarEnd(String text, int from) {
        if (from < text.length() && text.charAt(from) == '"') {
            int quote = text.indexOf('"', from + 1);
            if (quote < 0) {
                throw GiveUp.INSTANCE;
            }
            return quote + 1;
        }
        int at = from;
        while (at < text.length() && ",]}".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return at;
    }

    /**
     * The string from {@code from} to the end of {@code text}: double-quoted without escapes, or plain,
     * starting with a letter or digit and without characters that mean something in YAML (in a flow collection also
     * none of its brackets), trailing spaces dropped, and read as a string by the schema.
     */
    private static String scalar(String text, int from, boolean block) {
        if (from >= text.length()) {
            throw GiveUp.INSTANCE;
        }
        int end = text.length();
        while (end > from && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (text.charAt(from) == '"') {
            if (end - from < 2 || text.charAt(end - 1) != '"') {
                throw GiveUp.INSTANCE;
            }
            for (int i = from + 1; i < end - 1; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    throw GiveUp.INSTANCE;
                }
            }
            return text.substring(from + 1, end - 1);
        }
        if (!isLetter(text.charAt(from)) && !Character.isDigit(text.charAt(from))) {
            throw GiveUp.INSTANCE;
        }
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '#' || c == '"' || c == '\'' || c == ':'
                    || (!block && "[]{},".indexOf(c) >= 0)) {
                throw GiveUp.INSTANCE;
            }
        }
        String value = text.substring(from, end);
        if (!isString(value)) {
            throw GiveUp.INSTANCE;
        }
        return value;
    }

    /** The index of the colon after a simple key starting at {@code from}: a letter, then letters, digits, - or _. */
    private static int keyEnd(String text, int from) {
        if (from >= text.length() || !isLetter(text.charAt(from))) {
            throw GiveUp.INSTANCE;
        }
        int at = from + 1;
        while (at < text.length() && (isLetter(text.charAt(at)) || Character.isDigit(text.charAt(at))
                || text.charAt(at) == '-' || text.charAt(at) == '_')) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != ':') {
            throw GiveUp.INSTANCE;
        }
        if (!isString(text.substring(from, at))) {
            throw GiveUp.INSTANCE; // a key such as true or null is no string
        }
        return at;
    }

    /**
     * Whether the schema reads a plain scalar (non-empty, starting with a letter or digit) as a string. The JSON
     * schema reads a plain scalar as something else only if it is empty (null) or starts with one of the first
     * characters of null, true, false, a number or an ${ENV} reference; a scalar starting with any other letter
     * is a string without asking it. Asking costs a regular expression matcher per scalar for the empty case
     * alone, which was a third of an import's garbage. Letters that start such words in other YAML schemas
     * (y, o, case variants) are asked too, so a change of schema cannot slip through unnoticed (a test
     * compares this with the resolver).
     */
    static boolean isString(String plain) {
        char first = plain.charAt(0);
        if (isLetter(first) && "tfnyoTFNYO".indexOf(first) < 0) {
            return true;
        }
        return Tag.STR.equals(SCHEMA.resolve(plain, true));
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (map.put(key, value) != null) {
            throw GiveUp.INSTANCE; // duplicate: SnakeYAML reports it
        }
    }

    private static int indentOf(String text) {
        int at = 0;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
