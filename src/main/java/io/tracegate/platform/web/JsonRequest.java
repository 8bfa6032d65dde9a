package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON object body with hard limits (1 MiB, nesting depth 64) so that a hostile body cannot
 * exhaust memory or the stack, and reports where the JSON is broken.
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
        try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInput("body", "expected a JSON object, got " + value.getValueType().name().toLowerCase());
            }
            return new JsonFields((JsonObject) value, "");
        } catch (JsonParsingException e) {
            throw new InvalidInput("body", "invalid JSON at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidInput("body", "invalid JSON: " + e.getMessage());
        }
    }
}
