/*
 * Verifies a Tracegate audit trail export offline, with nothing but a JDK (11 or later):
 *
 *     java deploy/verify-audit-trail.java tracegate-audit-1234.jsonl
 *
 * Recomputes every event's SHA-256 over its canonical form, checks that each event carries its
 * predecessor's hash and that sequence numbers are gapless, and that the chain ends exactly at the head
 * named on the export's last line. Prints "OK <events> events, head <hash>" and exits 0, or names the
 * first broken line and event and exits 1 (2 for a file that is not an export at all).
 *
 * The canonical form (identical to io.tracegate.trail.domain.AuditChain in the server):
 *   "tracegate-audit-v1", then for each of seq, occurredAt, actor, action, subjectType, subjectId, before,
 *   after, reason, previousHash: "\n" followed by "-" for null, else by the UTF-8 byte length in decimal,
 *   ":" and the UTF-8 bytes. The hash is the lower-case hex SHA-256 of that; the first event's previous
 *   hash is 64 zeros. Compare the printed head with one noted elsewhere (an audit package, a ticket) to
 *   know the export is the trail you expect, not merely a consistent one.
 */

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class VerifyAuditTrail {

    static final String FORMAT = "tracegate-audit-v1";
    static final String GENESIS = "0".repeat(64);
    static final List<String> FIELDS = List.of("seq", "occurredAt", "actor", "action", "subjectType", "subjectId",
            "before", "after", "reason", "previousHash", "hash");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java verify-audit-trail.java <export.jsonl>");
            System.exit(2);
        }
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            System.exit(verify(in));
        }
    }

    /** Thrown for a line that is not what an export holds. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    static int verify(BufferedReader in) throws IOException {
        long lineNo = 0;
        long lastSeq = 0;
        long events = 0;
        String lastHash = GENESIS;
        Map<String, Object> head = null;
        String line;
        try {
            line = in.readLine();
            lineNo++;
            if (line == null) {
                return fail(2, "the file is empty: not a Tracegate audit export");
            }
            Map<String, Object> header = Json.object(line);
            if (!FORMAT.equals(header.get("format"))) {
                return fail(2, "line 1: not a Tracegate audit export of format " + FORMAT + ": " + header.get("format"));
            }
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (head != null) {
                    return fail(1, "line " + lineNo + ": content after the head line");
                }
                Map<String, Object> json = Json.object(line);
                if (json.containsKey("headSeq")) {
                    head = json;
                    continue;
                }
                if (!json.keySet().equals(new java.util.LinkedHashSet<>(FIELDS))) {
                    throw new Malformed("an event needs exactly the fields " + FIELDS + ", found " + json.keySet());
                }
                long seq = number(json, "seq");
                long expected = lastSeq + 1;
                if (seq > expected) {
                    return fail(1, "line " + lineNo + " (seq " + seq + "): " + (seq == expected + 1
                            ? "event " + expected + " is missing" : "events " + expected + " to " + (seq - 1) + " are missing")
                            + ": the chain jumps from " + lastSeq + " to " + seq + " (deleted)");
                }
                if (seq < expected) {
                    return fail(1, "line " + lineNo + " (seq " + seq + "): comes after event " + lastSeq
                            + " (reordered or duplicated)");
                }
                events++;
                String hash = text(json, "hash");
                String computed = hash(seq, json);
                if (!computed.equals(hash)) {
                    return fail(1, "line " + lineNo + " (seq " + seq + "): CONTENT_CHANGED: the content does not match "
                            + "its hash: it was edited after it was recorded");
                }
                if (!lastHash.equals(json.get("previousHash"))) {
                    return fail(1, "line " + lineNo + " (seq " + seq + "): PREVIOUS_HASH_MISMATCH: its previous hash is "
                            + "not the hash of " + (lastSeq == 0 ? "the chain's start" : "event " + lastSeq)
                            + ": events were removed, reordered or inserted");
                }
                lastSeq = seq;
                lastHash = hash;
            }
            if (head == null) {
                return fail(1, "after line " + lineNo + " (seq " + lastSeq + "): TRUNCATED: the head line is missing: "
                        + "the export is incomplete");
            }
            long headSeq = number(head, "headSeq");
            if (headSeq > lastSeq) {
                return fail(1, "seq " + (lastSeq + 1) + ": TRUNCATED: the head names event " + headSeq
                        + " but the chain ends at " + lastSeq);
            }
            if (headSeq < lastSeq) {
                return fail(1, "seq " + (headSeq + 1) + ": BEYOND_HEAD: the chain goes on past the head " + headSeq);
            }
            if (!lastHash.equals(head.get("headHash"))) {
                return fail(1, "seq " + lastSeq + ": HEAD_MISMATCH: the last event's hash is not the head's");
            }
        } catch (Malformed e) {
            return fail(1, "line " + lineNo + ": malformed: " + e.getMessage());
        }
        System.out.println("OK " + events + " events, head " + lastHash);
        return 0;
    }

    static int fail(int code, String message) {
        System.out.println("BROKEN " + message);
        return code;
    }

    static long number(Map<String, Object> json, String name) throws Malformed {
        Object value = json.get(name);
        if (!(value instanceof Long)) {
            throw new Malformed(name + " must be a whole number");
        }
        return (Long) value;
    }

    static String text(Map<String, Object> json, String name) throws Malformed {
        Object value = json.get(name);
        if (!(value instanceof String)) {
            throw new Malformed(name + " must be a string");
        }
        return (String) value;
    }

    /** The canonical form's hash; null-valued fields are written as "-". */
    static String hash(long seq, Map<String, Object> json) throws Malformed {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(FORMAT.getBytes(StandardCharsets.UTF_8));
        for (String name : FIELDS.subList(0, FIELDS.size() - 1)) {
            Object value = name.equals("seq") ? Long.toString(seq) : json.get(name);
            if (value != null && !(value instanceof String)) {
                throw new Malformed(name + " must be a string or null");
            }
            out.write('\n');
            if (value == null) {
                out.write('-');
            } else {
                byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                out.write(':');
                out.writeBytes(bytes);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A strict reader for one line of the export: a flat JSON object whose values are strings, whole
     * numbers, true/false or null (RFC 8259 escapes, surrogate pairs). Duplicate names are refused.
     */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Map<String, Object> object(String line) throws Malformed {
            Json json = new Json(line);
            Map<String, Object> object = json.readObject();
            json.skipSpace();
            if (json.at != line.length()) {
                throw new Malformed("unexpected text after the object at column " + (json.at + 1));
            }
            return object;
        }

        private Map<String, Object> readObject() throws Malformed {
            skipSpace();
            expect('{');
            Map<String, Object> object = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                skipSpace();
                String name = readString();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = readValue();
                if (object.containsKey(name)) {
                    throw new Malformed("duplicate field " + name);
                }
                object.put(name, value);
                skipSpace();
                char c = next();
                if (c == '}') {
                    return object;
                }
                if (c != ',') {
                    throw new Malformed("expected , or } at column " + at);
                }
            }
        }

        private Object readValue() throws Malformed {
            char c = peek();
            if (c == '"') {
                return readString();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = at;
                if (c == '-') {
                    at++;
                }
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at < text.length() && ".eE".indexOf(text.charAt(at)) >= 0) {
                    throw new Malformed("only whole numbers are expected, at column " + (start + 1));
                }
                try {
                    return Long.parseLong(text.substring(start, at));
                } catch (NumberFormatException e) {
                    throw new Malformed("bad number at column " + (start + 1));
                }
            }
            for (String literal : new String[] {"null", "true", "false"}) {
                if (text.startsWith(literal, at)) {
                    at += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            throw new Malformed("expected a string, number, true, false or null at column " + (at + 1));
        }

        private String readString() throws Malformed {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new Malformed("unescaped control character in a string at column " + at);
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        if (at + 4 > text.length()) {
                            throw new Malformed("truncated \\u escape at column " + at);
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new Malformed("bad \\u escape at column " + at);
                        }
                        at += 4;
                        break;
                    default:
                        throw new Malformed("bad escape \\" + e + " at column " + at);
                }
            }
        }

        private void skipSpace() {
            while (at < text.length() && " \t\r".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() throws Malformed {
            if (at >= text.length()) {
                throw new Malformed("the line ends too early");
            }
            return text.charAt(at);
        }

        private char next() throws Malformed {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) throws Malformed {
            if (next() != c) {
                throw new Malformed("expected " + c + " at column " + at);
            }
        }
    }
}
