package io.tracegate.audit.infrastructure.archive;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SHA256SUMS in the format {@code sha256sum} writes and {@code sha256sum -c} checks: one line per file,
 * 64 lower-case hex digits, two blanks, the path, LF. Package paths never contain a backslash or a line
 * break, so no line needs GNU's escaping.
 */
final class Sha256Sums {

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    private Sha256Sums() {
    }

    static byte[] of(List<HashedFile> files) {
        StringBuilder text = new StringBuilder();
        for (HashedFile f : files) {
            text.append(f.sha256()).append("  ").append(f.path()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Path → digest, in file order.
     *
     * @throws IllegalArgumentException naming the first line that is malformed or lists a path twice
     */
    static Map<String, String> parse(byte[] sums) {
        Map<String, String> digests = new LinkedHashMap<>();
        String text = new String(sums, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the last line does not end with a line break");
        }
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isEmpty() && text.isEmpty()) {
                break;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + number + " is not '<64 hex digits>  <path>'");
            }
            if (digests.put(m.group(2), m.group(1)) != null) {
                throw new IllegalArgumentException("line " + number + " lists " + m.group(2) + " a second time");
            }
        }
        return digests;
    }
}
