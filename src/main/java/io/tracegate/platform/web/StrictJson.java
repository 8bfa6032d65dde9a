package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.util.HashSet;
import java.util.Set;

/**
 * Builds JSON values from parser events, refusing a key that appears twice in one object: JSON-P keeps
 * the last value silently, which would let {@code {"precision":"FP32","precision":"INT8"}} mean
 * different things to different readers. Recursion is safe because {@link JsonDepth} capped the nesting.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** Reads the rest of an object whose START_OBJECT the parser has just returned. */
    static JsonObject object(JsonParser parser, String path) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        Set<String> seen = new HashSet<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return builder.build();
            }
            String key = parser.getString();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!seen.add(key)) {
                throw new InvalidInput(keyPath, "appears twice in the same object");
            }
            builder.add(key, value(parser, parser.next(), keyPath));
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, String path) {
        return switch (event) {
            case START_OBJECT -> object(parser, path);
            case START_ARRAY -> array(parser, path);
            default -> parser.getValue();
        };
    }

    private static JsonValue array(JsonParser parser, String path) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        int index = 0;
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return builder.build();
            }
            builder.add(value(parser, event, path + "[" + index++ + "]"));
        }
    }
}
