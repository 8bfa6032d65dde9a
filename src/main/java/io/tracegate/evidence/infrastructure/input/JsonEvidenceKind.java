package io.tracegate.evidence.infrastructure.input;

import io.tracegate.evidence.domain.EvidenceRejected;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the JSON evidence files apart by their first bytes, in one place so that the kinds cannot
 * overlap: every JSON format asks here whether a file is its own, and a format handed a file declared as
 * its kind but shaped like another names the other kind in its error.
 * <ul>
 *   <li>trtexec {@code --exportTimes}: an array whose first object has {@code startEnqMs}, {@code latencyMs}
 *       or {@code endToEndMs};</li>
 *   <li>trtexec {@code --exportProfile}: an array whose first object starts with {@code "count"};</li>
 *   <li>trtexec {@code --exportLayerInfo}: an object whose first key is {@code "Layers"};</li>
 *   <li>KPI JSON: an object with a {@code "metrics"} key, or an array whose first object has a
 *       {@code "metric"} key.</li>
 * </ul>
 */
public enum JsonEvidenceKind {

    TRTEXEC_TIMES("trtexec-times", "a trtexec --exportTimes array"),
    TRTEXEC_PROFILE("trtexec-profile", "a trtexec --exportProfile array"),
    TRTEXEC_LAYERS("trtexec-layers", "a trtexec --exportLayerInfo object"),
    KPI_JSON("kpi-json", "a KPI JSON document"),
    OTHER(null, "JSON of no known kind");

    private final String formatName;
    private final String description;

    JsonEvidenceKind(String formatName, String description) {
        this.formatName = formatName;
        this.description = description;
    }

    /** The format that reads this kind; {@code null} for {@link #OTHER}. */
    String formatName() {
        return formatName;
    }

    String description() {
        return description;
    }

    /**
     * Refuses a file declared as {@code this} kind whose head shows another known kind, naming the format
     * that reads it. A head of no known kind passes: the reader then says what it expected and found.
     */
    public void expectIn(String fileName, byte[] head) {
        JsonEvidenceKind found = of(head);
        if (found != this && found != OTHER) {
            throw new EvidenceRejected(fileName, "expected " + description + ", found " + found.description
                    + "; declare the format '" + found.formatName + "' for it");
        }
    }

    public static JsonEvidenceKind of(byte[] head) {
        String text = FileHead.text(head);
        if (text.startsWith("{")) {
            List<String> keys = topLevelKeys(text, 0);
            if (!keys.isEmpty() && keys.get(0).equals("Layers")) {
                return TRTEXEC_LAYERS;
            }
            return keys.contains("metrics") ? KPI_JSON : OTHER;
        }
        if (text.startsWith("[")) {
            int first = skipSpace(text, 1);
            if (first >= text.length() || text.charAt(first) != '{') {
                return OTHER;
            }
            List<String> keys = topLevelKeys(text, first);
            if (keys.contains("startEnqMs") || keys.contains("latencyMs") || keys.contains("endToEndMs")) {
                return TRTEXEC_TIMES;
            }
            if (!keys.isEmpty() && keys.get(0).equals("count")) {
                return TRTEXEC_PROFILE;
            }
            return keys.contains("metric") ? KPI_JSON : OTHER;
        }
        return OTHER;
    }

    /**
     * The keys of the object opening at {@code open}, as far as the head shows them; keys of nested
     * objects are not its keys and are skipped. A head that is not JSON simply yields fewer keys.
     */
    private static List<String> topLevelKeys(String text, int open) {
        List<String> keys = new ArrayList<>();
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = endOfString(text, i);
                if (end < 0) {
                    break;
                }
                int after = skipSpace(text, end + 1);
                if (depth == 1 && after < text.length() && text.charAt(after) == ':') {
                    keys.add(text.substring(i + 1, end));
                }
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
            i++;
        }
        return keys;
    }

    /** The index of the quote closing the string that opens at {@code quote}, or -1 if the head ends first. */
    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
