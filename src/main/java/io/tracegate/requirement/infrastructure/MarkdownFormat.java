package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.RequirementKind;
import io.tracegate.requirement.domain.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requirements as code: one Markdown file per requirement, a YAML front-matter block between two
 * {@code ---} lines, then the text (see requirements/FORMAT.md). YAML is read with SnakeYAML Engine,
 * which builds only plain maps, lists and scalars (no object construction), with duplicate keys refused,
 * aliases capped and the document size bounded; the simple form nearly every file uses is read without it
 * ({@link SimpleFrontMatter}, which gives way to SnakeYAML wherever it is not sure). Files without front
 * matter (README.md) are not requirements.
 */
@ApplicationScoped
public class MarkdownFormat implements RequirementFormat {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;
    private static final Set<String> KEYS = Set.of("id", "title", "asil", "kind", "parents", "verification", "criteria");

    @Override
    public boolean supports(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".md");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public List<RequirementDraft> read(String path, InputStream content, String version) {
        String text = readBounded(path, content).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return List.of();
        }
        int end = text.indexOf("\n---\n", 3);
        int endAtEof = text.endsWith("\n---") ? text.length() - 4 : -1;
        if (end < 0 && endAtEof < 0) {
            throw new BaselineRejected(new ImportProblem(path, 1, "front matter opened with '---' is never closed"));
        }
        int close = end >= 0 ? end : endAtEof;
        String yaml = text.substring(4, close + 1);
        String body = end >= 0 ? text.substring(end + 5) : "";
        try {
            return List.of(draftOf(path, load(path, yaml), body, version));
        } catch (InvalidInput e) {
            if (e instanceof BaselineRejected rejected) {
                throw rejected;
            }
            throw new BaselineRejected(new ImportProblem(path, lineOf(yaml, e.field()), e.field() + ": " + e.getMessage()));
        }
    }

    /** The front matter as plain data: the common simple form directly, anything else through SnakeYAML. */
    private static Map<?, ?> load(String path, String yaml) {
        Map<String, Object> simple = SimpleFrontMatter.read(yaml);
        return simple != null ? simple : loadWithSnakeYaml(path, yaml);
    }

    static Map<?, ?> loadWithSnakeYaml(String path, String yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10)
                .setCodePointLimit(MAX_BYTES)
                .setLabel(path)
                .build();
        try {
            checkDepth(path, settings, yaml);
            Object document = new Load(settings).loadFromString(yaml);
            if (!(document instanceof Map<?, ?> map)) {
                throw new BaselineRejected(new ImportProblem(path, 2, "the front matter must be a YAML mapping of keys"));
            }
            return map;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 2).orElse(2);
            throw new BaselineRejected(new ImportProblem(path, line, "malformed YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            throw new BaselineRejected(new ImportProblem(path, 2, "malformed YAML: " + e.getMessage()));
        }
    }

    /**
     * SnakeYAML Engine builds nodes recursively and has no depth setting: 5,000 nested levels overflowed the
     * stack. Its parser is not recursive, so the events are counted first and a deeper document is refused
     * with the line where the limit was crossed.
     */
    private static void checkDepth(String path, LoadSettings settings, String yaml) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(yaml)) {
            if (event.getEventId() == Event.ID.SequenceStart || event.getEventId() == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) {
                    int line = event.getStartMark().map(mark -> mark.getLine() + 2).orElse(2);
                    throw new BaselineRejected(new ImportProblem(path, line,
                            "the front matter is nested deeper than " + MAX_DEPTH + " levels"));
                }
            } else if (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd) {
                depth--;
            }
        }
    }

    private static RequirementDraft draftOf(String path, Map<?, ?> yaml, String body, String version) {
        Set<String> unknown = new TreeSet<>();
        yaml.keySet().forEach(key -> {
            if (!KEYS.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown.iterator().next(), "unknown key; allowed: " + new TreeSet<>(KEYS));
        }
        RequirementId id = new RequirementId(string(yaml, "id", true));
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        boolean markdown = fileName.regionMatches(true, fileName.length() - 3, ".md", 0, 3);
        String fileStem = markdown ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (!fileStem.equals(id.value())) {
            throw new InvalidInput("id", "is " + id + " but the file is named " + fileStem + ".md; they must match");
        }
        String title = string(yaml, "title", true);
        if (title.length() > 500) {
            throw new InvalidInput("title", "at most 500 characters");
        }
        Asil asil = Asil.parse("asil", string(yaml, "asil", true));
        RequirementKind kind = RequirementKind.parse("kind", string(yaml, "kind", true));
        List<RequirementId> parents = strings(yaml, "parents").stream().map(RequirementId::new).toList();
        Verification verification = verification(yaml.get("verification"));
        List<AcceptanceCriterion> criteria = strings(yaml, "criteria").stream().map(AcceptanceCriterion::parse).toList();
        return new RequirementDraft(id, title, asil, kind, parents, verification, criteria, body.strip(), path, version);
    }

    private static Verification verification(Object value) {
        if (value == null) {
            return Verification.none();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInput("verification", "must be a mapping with method and level");
        }
        for (Object key : map.keySet()) {
            if (!Set.of("method", "level").contains(String.valueOf(key))) {
                throw new InvalidInput("verification." + key, "unknown key; allowed: [level, method]");
            }
        }
        return new Verification(scalar(map.get("method"), "verification.method"), scalar(map.get("level"), "verification.level"));
    }

    private static String string(Map<?, ?> yaml, String key, boolean required) {
        String value = scalar(yaml.get(key), key);
        if (required && (value == null || value.isBlank())) {
            throw new InvalidInput(key, "is required");
        }
        return value;
    }

    /** Scalars may come back as numbers or booleans (e.g. an ASIL written as {@code B} is fine, {@code 1.0} too). */
    private static String scalar(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidInput(key, "must be a single value");
        }
        return String.valueOf(value).strip();
    }

    private static List<String> strings(Map<?, ?> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInput(key, "must be a list");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            strings.add(scalar(item, key));
        }
        return strings;
    }

    /** The front-matter line that mentions the failing key (line 1 is the opening ---). */
    private static Integer lineOf(String yaml, String field) {
        if (field == null) {
            return null;
        }
        String key = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 2;
            }
        }
        return null;
    }

    private static String readBounded(String path, InputStream content) {
        try {
            // Sized by available() (exact for the in-memory blobs of a Git import) rather than in 8 KiB
            // chunks per file; a stream with more than it announced is still read up to the limit.
            int expected = Math.min(Math.max(content.available(), 0), MAX_BYTES) + 1;
            byte[] bytes = content.readNBytes(expected);
            if (bytes.length == expected && expected <= MAX_BYTES) {
                byte[] rest = content.readNBytes(MAX_BYTES + 1 - expected);
                byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + rest.length);
                System.arraycopy(rest, 0, all, bytes.length, rest.length);
                bytes = all;
            }
            if (bytes.length > MAX_BYTES) {
                throw new BaselineRejected(new ImportProblem(path, null, "larger than " + MAX_BYTES + " bytes"));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
