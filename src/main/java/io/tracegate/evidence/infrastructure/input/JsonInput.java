package io.tracegate.evidence.infrastructure.input;

import io.tracegate.evidence.domain.EvidenceRejected;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One uploaded JSON file as a stream of parser events, never as a tree, behind the limits of a
 * {@link JsonGuardStream}. Every way the parser can fail (syntax, limits, bad UTF-8, early end) comes out
 * as an {@link EvidenceRejected} naming the file and the line and column, so the JSON formats only
 * describe what they expect.
 */
public final class JsonInput implements AutoCloseable {

    /**
     * @param maxDepth              nesting of arrays and objects
     * @param maxStringChars        the longest string value or key
     * @param escapeRawControlChars accept raw control characters inside strings (trtexec writes them)
     */
    public record Limits(int maxDepth, int maxStringChars, boolean escapeRawControlChars) {
    }

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final String fileName;
    private final JsonParser parser;
    private final Limits limits;

    private JsonInput(String fileName, JsonParser parser, Limits limits) {
        this.fileName = fileName;
        this.parser = parser;
        this.limits = limits;
    }

    /** UTF-8 only (RFC 8259), a byte-order mark tolerated. */
    public static JsonInput open(String fileName, InputStream content, Limits limits) {
        try {
            InputStream in = content.markSupported() ? content : new BufferedInputStream(content);
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!FileHead.startsWithBom(bom)) {
                in.reset();
            }
            // Escapes can make a string's raw bytes up to six times its length.
            int maxTokenBytes = limits.maxStringChars() * 6 + 2;
            InputStreamReader reader = new InputStreamReader(
                    new JsonGuardStream(in, limits.maxDepth(), maxTokenBytes, limits.escapeRawControlChars()),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new JsonInput(fileName, PARSERS.createParser(reader), limits);
        } catch (IOException e) {
            throw new EvidenceRejected(fileName, "cannot be read: " + e.getMessage());
        }
    }

    public Event next() {
        try {
            return parser.next();
        } catch (JsonGuardStream.Refused e) {
            throw new EvidenceRejected(fileName, e.getMessage());
        } catch (JsonParsingException e) {
            throw new EvidenceRejected(fileName, at(e.getLocation()) + "not valid JSON: " + e.getMessage());
        } catch (NoSuchElementException e) {
            throw reject("the JSON ends early");
        } catch (JsonException e) {
            throw reject(hasCause(e, CharacterCodingException.class) ? "not UTF-8 text"
                    : "cannot be read: " + e.getMessage());
        }
    }

    /** Refuses anything but white space after the top-level value. */
    public void expectEnd() {
        boolean more;
        try {
            more = parser.hasNext();
        } catch (JsonGuardStream.Refused e) {
            throw new EvidenceRejected(fileName, e.getMessage());
        } catch (JsonException e) {
            throw reject("unexpected content after the JSON value");
        }
        if (more) {
            throw reject("unexpected content after the JSON value");
        }
    }

    /** The next key of the current object, or {@code null} at its end; a key seen before is refused. */
    public String nextKey(Set<String> seen, String where) {
        Event event = next();
        if (event == Event.END_OBJECT) {
            return null;
        }
        String key = string();
        if (!seen.add(key)) {
            throw reject("key '" + key + "' appears twice in " + where);
        }
        return key;
    }

    /** The current string value or key, refused when over the limit. */
    public String string() {
        String value = parser.getString();
        if (value.length() > limits.maxStringChars()) {
            throw reject("a string longer than " + limits.maxStringChars() + " characters");
        }
        return value;
    }

    /** The current number as a double; JSON allows no NaN or infinity, and neither do we for huge exponents. */
    public double number(String what) {
        double value = Double.parseDouble(parser.getString());
        if (!Double.isFinite(value)) {
            throw reject(what + " is out of range: " + parser.getString());
        }
        return value;
    }

    /** Skips the value that {@code event} starts; nesting is already bounded by the guard. */
    public void skip(Event event) {
        if (event != Event.START_OBJECT && event != Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            Event e = next();
            if (e == Event.START_OBJECT || e == Event.START_ARRAY) {
                depth++;
            } else if (e == Event.END_OBJECT || e == Event.END_ARRAY) {
                depth--;
            }
        }
    }

    public EvidenceRejected reject(String problem) {
        return new EvidenceRejected(fileName, at(location()) + problem);
    }

    public static String describe(Event event) {
        return switch (event) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case END_OBJECT -> "the end of the object";
            case END_ARRAY -> "the end of the array";
            case KEY_NAME -> "a key";
        };
    }

    private JsonLocation location() {
        try {
            return parser.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": ";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (JsonException e) {
            // Closing only releases the stream; whatever went wrong has been reported already.
        }
    }
}
