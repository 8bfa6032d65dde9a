package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to one JSON object of a request. Every error names the field by its path
 * ({@code quantization.calibrationDataset.sha256}), unknown fields are refused rather than ignored, and
 * enum values are matched exactly with the allowed values listed in the error.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String path;

    public JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** Refuses fields this request type does not define: a typo must not be silently ignored. */
    public JsonFields allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        Set<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidInput(pathOf(first), "unknown field; allowed here: " + new TreeSet<>(allowed));
        }
        return this;
    }

    /**
     * Refuses fields the request's documented shape does not have: the record's components are both the
     * allowed fields and, through MicroProfile OpenAPI, the schema the API document shows for this body.
     */
    public JsonFields allowOnly(Class<? extends Record> shape) {
        return allowOnly(Arrays.stream(shape.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
    }

    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new InvalidInput(pathOf(name), "is required");
        }
        return value;
    }

    public String optionalString(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != ValueType.STRING) {
            throw wrongType(name, "a string", value);
        }
        return ((JsonString) value).getString();
    }

    public Long optionalLong(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw wrongType(name, "a whole number", value);
        }
        try {
            return ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInput(pathOf(name), "is out of range");
        }
    }

    public int requiredInt(String name) {
        Long value = optionalLong(name);
        if (value == null) {
            throw new InvalidInput(pathOf(name), "is required");
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidInput(pathOf(name), "is out of range");
        }
        return value.intValue();
    }

    public double requiredDouble(String name) {
        JsonValue value = present(name);
        if (value == null) {
            throw new InvalidInput(pathOf(name), "is required");
        }
        if (value.getValueType() != ValueType.NUMBER) {
            throw wrongType(name, "a number", value);
        }
        return ((JsonNumber) value).doubleValue();
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        String text = requiredString(name);
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(pathOf(name), "unknown value '" + text + "'; expected one of "
                        + Arrays.toString(type.getEnumConstants())));
    }

    public List<String> optionalStrings(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != ValueType.ARRAY) {
            throw wrongType(name, "an array of strings", value);
        }
        List<String> strings = new ArrayList<>();
        int i = 0;
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != ValueType.STRING) {
                throw new InvalidInput(pathOf(name) + "[" + i + "]", "must be a string");
            }
            strings.add(((JsonString) item).getString());
            i++;
        }
        return strings;
    }

    /** A nested object, or {@code null} when absent. */
    public JsonFields optionalObject(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != ValueType.OBJECT) {
            throw wrongType(name, "an object", value);
        }
        return new JsonFields(value.asJsonObject(), pathOf(name));
    }

    public JsonFields requiredObject(String name) {
        JsonFields nested = optionalObject(name);
        if (nested == null) {
            throw new InvalidInput(pathOf(name), "is required");
        }
        return nested;
    }

    public String path() {
        return path;
    }

    private JsonValue present(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == ValueType.NULL ? null : value;
    }

    private InvalidInput wrongType(String name, String expected, JsonValue actual) {
        return new InvalidInput(pathOf(name), "must be " + expected + ", got " + actual.getValueType().name().toLowerCase());
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
