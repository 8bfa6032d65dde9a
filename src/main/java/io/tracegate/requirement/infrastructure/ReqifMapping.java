package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.failure.InvalidInput;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Which ReqIF attribute (by its definition's LONG-NAME) fills which requirement field. Tools and teams name
 * their attributes differently, so the names are configurable; the defaults follow the ReqIF conventions
 * ({@code ReqIF.ForeignID}, {@code ReqIF.Name}, {@code ReqIF.Text}, ...) plus our own safety attributes.
 *
 * <p>From {@link Properties} ({@link #from}), every key optional, missing keys keep the default:
 * <pre>
 * reqif.field.id=ReqIF.ForeignID                       # falls back to the SPEC-OBJECT IDENTIFIER when empty
 * reqif.field.title=ReqIF.Name,ReqIF.ChapterName       # comma-separated, the first one present wins
 * reqif.field.text=ReqIF.Text
 * reqif.field.asil=ASIL                                # required on every SPEC-OBJECT
 * reqif.field.kind=Kind                                # absent: technical-safety-requirement
 * reqif.field.criteria=Acceptance Criteria             # one criterion per line
 * reqif.field.verification-method=Verification Method
 * reqif.field.verification-level=Verification Level
 * </pre>
 * An unknown {@code reqif.field.*} key is refused, so a typo does not silently fall back to a default.
 */
public record ReqifMapping(String id, List<String> title, String text, String asil, String kind, String criteria,
                           String verificationMethod, String verificationLevel) {

    public static final String PREFIX = "reqif.field.";

    private static final Set<String> KEYS = Set.of("id", "title", "text", "asil", "kind", "criteria",
            "verification-method", "verification-level");

    public ReqifMapping {
        title = List.copyOf(title);
        if (title.isEmpty()) {
            throw new InvalidInput(PREFIX + "title", "names at least one attribute");
        }
    }

    public static ReqifMapping defaults() {
        return new ReqifMapping("ReqIF.ForeignID", List.of("ReqIF.Name", "ReqIF.ChapterName"), "ReqIF.Text", "ASIL",
                "Kind", "Acceptance Criteria", "Verification Method", "Verification Level");
    }

    /** Reads the {@code reqif.field.*} keys; every other key is ignored, as it belongs to someone else. */
    public static ReqifMapping from(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !KEYS.contains(key.substring(PREFIX.length()))) {
                throw new InvalidInput(key, "unknown ReqIF mapping key; known: " + KEYS.stream().sorted()
                        .map(k -> PREFIX + k).toList());
            }
        }
        ReqifMapping d = defaults();
        List<String> title = properties.getProperty(PREFIX + "title") == null ? d.title()
                : Arrays.stream(properties.getProperty(PREFIX + "title").split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        return new ReqifMapping(name(properties, "id", d.id()), title, name(properties, "text", d.text()),
                name(properties, "asil", d.asil()), name(properties, "kind", d.kind()),
                name(properties, "criteria", d.criteria()),
                name(properties, "verification-method", d.verificationMethod()),
                name(properties, "verification-level", d.verificationLevel()));
    }

    private static String name(Properties properties, String key, String fallback) {
        String value = properties.getProperty(PREFIX + key);
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new InvalidInput(PREFIX + key, "names no attribute");
        }
        return value.trim();
    }
}
