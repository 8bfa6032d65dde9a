package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.RequirementKind;
import io.tracegate.requirement.domain.Verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ReqifReader} collected from one ReqIF document (or every document of a ReqIFz), kept by
 * IDENTIFIER and resolved to names only at the end: real exports reference types before, after, or
 * without ever defining them, and an archive's documents may reference each other's objects.
 *
 * <p>Relations: a SPEC-RELATION's SOURCE is read as derived from (refining) its TARGET, so the TARGET
 * becomes a parent of the SOURCE. This is how DOORS and Polarion export "satisfies"/"refines" links.
 */
final class ReqifContent {

    static final int MAX_VALUE_CHARS = 64 * 1024;
    static final int MAX_OBJECTS = 100_000;
    /** All stored text together: bounds the heap even for 100,000 objects with long values. */
    static final long MAX_TOTAL_CHARS = 64L * 1024 * 1024;
    // The column sizes of Requirement: refusing here names the object instead of failing at commit.
    private static final int MAX_TITLE = 500;
    private static final int MAX_TEXT = 20_000;

    /** One attribute value: text (scalar or XHTML reduced to text) or enumeration value references. */
    record Value(String text, List<String> enumRefs, boolean tooLong) {
    }

    /** One SPEC-OBJECT before its attribute identifiers are resolved to names. */
    record RawObject(String identifier, String where, int line, Map<String, Value> values) {
    }

    private final String path;
    private final Map<String, String> enumNames = new HashMap<>();
    private final Map<String, String> attributeNames = new HashMap<>();
    private final Map<String, RawObject> objects = new LinkedHashMap<>();
    private final Map<String, Set<String>> targetsBySource = new HashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long storedChars;

    ReqifContent(String path) {
        this.path = path;
    }

    void enumValue(String identifier, String name) {
        charge(identifier.length() + name.length());
        enumNames.putIfAbsent(identifier, name);
    }

    void attributeDefinition(String identifier, String longName) {
        charge(identifier.length() + longName.length());
        attributeNames.put(identifier, longName);
    }

    void object(RawObject object) {
        if (objects.size() >= MAX_OBJECTS) {
            problem(object.where(), object.line(), "more than " + MAX_OBJECTS + " SPEC-OBJECTs; split the export");
            throw new BaselineRejected(problems);
        }
        if (objects.putIfAbsent(object.identifier(), object) != null) {
            problem(object.where(), object.line(), "SPEC-OBJECT " + object.identifier() + " is defined twice");
        }
    }

    void relation(String source, String target) {
        charge(source.length() + target.length());
        targetsBySource.computeIfAbsent(source, s -> new LinkedHashSet<>()).add(target);
    }

    /** Counts text about to be kept; refuses the file once the total would exhaust a fair share of the heap. */
    void charge(long chars) {
        storedChars += chars;
        if (storedChars > MAX_TOTAL_CHARS) {
            problem(null, null, "more than " + MAX_TOTAL_CHARS + " characters of requirement content; split the export");
            throw new BaselineRejected(problems);
        }
    }

    void problem(String where, Integer line, String message) {
        problems.add(new ImportProblem(path, line, where == null ? message : "in " + where + ": " + message));
    }

    /** Every problem found so far, reading included; the caller throws when there are any. */
    List<ImportProblem> problems() {
        return problems;
    }

    /** The requirements, one per SPEC-OBJECT; records a problem for each one that cannot be read. */
    List<RequirementDraft> drafts(ReqifMapping mapping, String version) {
        Map<String, RequirementId> idByIdentifier = new HashMap<>();
        for (RawObject object : objects.values()) {
            String text = valueOf(object, mapping.id());
            String id = text == null || text.isBlank() ? object.identifier() : text.trim();
            try {
                idByIdentifier.put(object.identifier(), new RequirementId(id));
            } catch (InvalidInput e) {
                objectProblem(object, "has no usable id ('" + mapping.id() + "' or its IDENTIFIER): " + e.getMessage());
            }
        }
        List<RequirementDraft> drafts = new ArrayList<>();
        for (RawObject object : objects.values()) {
            RequirementId id = idByIdentifier.get(object.identifier());
            int before = problems.size();
            object.values().forEach((definition, value) -> {
                if (value.tooLong()) {
                    objectProblem(object, "the value of '" + nameOf(definition) + "' is longer than "
                            + MAX_VALUE_CHARS + " characters");
                }
            });
            String title = firstPresent(object, mapping.title());
            if (title == null) {
                objectProblem(object, "has no title (attribute " + String.join(" or ", mapping.title()) + ")");
            } else if (title.length() > MAX_TITLE) {
                objectProblem(object, "its title is longer than " + MAX_TITLE + " characters");
            }
            String text = valueOf(object, mapping.text());
            if (text != null && text.length() > MAX_TEXT) {
                objectProblem(object, "its text is longer than " + MAX_TEXT + " characters");
            }
            Asil asil = null;
            String asilText = valueOf(object, mapping.asil());
            if (asilText == null || asilText.isBlank()) {
                objectProblem(object, "has no ASIL value (attribute '" + mapping.asil() + "')");
            } else {
                asil = parse(object, () -> Asil.parse(mapping.asil(), asilText));
            }
            String kindText = valueOf(object, mapping.kind());
            RequirementKind kind = kindText == null || kindText.isBlank() ? RequirementKind.TECHNICAL_SAFETY_REQUIREMENT
                    : parse(object, () -> RequirementKind.parse(mapping.kind(), kindText));
            Verification verification = parse(object, () -> new Verification(
                    blankToNull(valueOf(object, mapping.verificationMethod())),
                    blankToNull(valueOf(object, mapping.verificationLevel()))));
            List<AcceptanceCriterion> criteria = new ArrayList<>();
            String criteriaText = valueOf(object, mapping.criteria());
            if (criteriaText != null) {
                criteriaText.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(line -> criteria.add(parse(object, () -> AcceptanceCriterion.parse(line))));
            }
            List<RequirementId> parents = new ArrayList<>();
            for (String target : targetsBySource.getOrDefault(object.identifier(), Set.of())) {
                if (!objects.containsKey(target)) {
                    objectProblem(object, "has a SPEC-RELATION to " + target + ", which is no SPEC-OBJECT of this file");
                } else if (idByIdentifier.containsKey(target) && !parents.contains(idByIdentifier.get(target))) {
                    parents.add(idByIdentifier.get(target));
                }
            }
            if (id != null && problems.size() == before) {
                drafts.add(new RequirementDraft(id, title.strip(), asil, kind, parents, verification, criteria, text,
                        path + "#" + object.identifier(), version));
            }
        }
        for (String source : targetsBySource.keySet()) {
            if (!objects.containsKey(source)) {
                problem(null, null, "a SPEC-RELATION starts at " + source + ", which is no SPEC-OBJECT of this file");
            }
        }
        return drafts;
    }

    private <T> T parse(RawObject object, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidInput e) {
            objectProblem(object, e.field() + " " + e.getMessage());
            return null;
        }
    }

    private void objectProblem(RawObject object, String message) {
        problem(object.where(), object.line() > 0 ? object.line() : null,
                "SPEC-OBJECT " + object.identifier() + " " + message);
    }

    private String firstPresent(RawObject object, List<String> names) {
        for (String name : names) {
            String value = valueOf(object, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The value of the attribute whose definition is called {@code name}; undefined definitions go by identifier. */
    private String valueOf(RawObject object, String name) {
        for (Map.Entry<String, Value> entry : object.values().entrySet()) {
            if (nameOf(entry.getKey()).equals(name)) {
                Value value = entry.getValue();
                if (!value.enumRefs().isEmpty()) {
                    return String.join(", ", value.enumRefs().stream().map(ref -> enumNames.getOrDefault(ref, ref)).toList());
                }
                return value.text();
            }
        }
        return null;
    }

    private String nameOf(String definition) {
        return attributeNames.getOrDefault(definition, definition);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
