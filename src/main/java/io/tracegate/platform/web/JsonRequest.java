package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON object body with hard limits (1 MiB, nesting depth 64) so that a hostile body cannot
 * exhaust memory or the stack, refuses duplicate keys and trailing content, and reports where the JSON is
 * broken.
 */
public final class JsonRequest {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;

    private JsonRequest() {
    }

    public static JsonFields read(InputStream body) {
        if (body == null) {
            throw new InvalidInput("body", "a JSON object is required");
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInput("body", "the request body could not be read");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput("body", "JSON bodies are limited to " + MAX_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new InvalidInput("body", "a JSON object is required, the body is empty");
        }
        JsonDepth.check(bytes, MAX_DEPTH);
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw new InvalidInput("body", "expected a JSON object, got " + kindOf(first));
            }
            JsonObject object = StrictJson.object(parser, "");
            if (parser.hasNext()) {
                throw new InvalidInput("body", "unexpected content after the JSON object");
            }
            return new JsonFields(object, "");
        } catch (JsonParsingException e) {
            throw new InvalidInput("body", "invalid JSON at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidInput("body", "invalid JSON: " + e.getMessage());
        }
    }

    private static String kindOf(JsonParser.Event event) {
        return switch (event) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> event.name().toLowerCase();
        };
    }
}
