package io.tracegate.evidence.domain;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where an evidence file came from: the CI system and run, the source commit, the HIL rig or target, the
 * tool versions, when it ran, and (for calibration evidence) the calibration set's hash. Checked when
 * recorded, so a later reader can rely on the shape of every field.
 */
@Embeddable
public class Provenance {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+#-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,39}");

    @Column(name = "ci_system", length = 100)
    private String ciSystem;

    @Column(name = "pipeline_id", length = 200)
    private String pipelineId;

    @Column(name = "run_url", length = 1000)
    private String runUrl;

    @Column(name = "source_commit", length = 64)
    private String sourceCommit;

    @Column(length = 100)
    private String rig;

    @Column(length = 100)
    private String target;

    @Column(name = "tool_versions", nullable = false, length = 2000)
    private String toolVersions;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "calibration_sha256", length = 64)
    private String calibrationSha256;

    protected Provenance() {
    }

    /** Every argument may be null except {@code tools} (empty when none were given). */
    public static Provenance of(String ciSystem, String pipelineId, String runUrl, String sourceCommit, String rig,
                                String target, Map<String, String> tools, Instant startedAt, Instant finishedAt,
                                String calibrationSha256) {
        Provenance p = new Provenance();
        p.ciSystem = token("ciSystem", ciSystem, 100);
        p.pipelineId = token("pipelineId", pipelineId, 200);
        p.runUrl = url(runUrl);
        p.sourceCommit = matching("sourceCommit", lower(sourceCommit), COMMIT, "a Git commit id (7 to 64 hex digits)");
        p.rig = token("rig", rig, 100);
        p.target = token("target", target, 100);
        p.toolVersions = tools(tools);
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw new InvalidInput("finishedAt", "is before startedAt");
        }
        p.startedAt = startedAt;
        p.finishedAt = finishedAt;
        p.calibrationSha256 = matching("calibrationSha256", lower(calibrationSha256), SHA256, "64 hex digits");
        return p;
    }

    private static String lower(String text) {
        return text == null ? null : text.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String token(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max || !TOKEN.matcher(v).matches()) {
            throw new InvalidInput(field, "must be at most " + max + " characters of letters, digits and ._:/@+#-");
        }
        return v;
    }

    private static String matching(String field, String value, Pattern pattern, String expected) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInput(field, "must be " + expected);
        }
        return value;
    }

    private static String url(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || value.length() > 1000) {
                throw new InvalidInput("runUrl", "must be an http(s) URL of at most 1000 characters");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInput("runUrl", "is not a URL: " + e.getReason());
        }
    }

    private static String tools(Map<String, String> tools) {
        SortedMap<String, String> sorted = new TreeMap<>();
        if (tools != null) {
            tools.forEach((tool, version) -> {
                if (tool == null || !TOOL.matcher(tool).matches() || version == null || !VERSION.matcher(version).matches()) {
                    throw new InvalidInput("tool", "tool versions are name:version with letters, digits and ._+- "
                            + "(got '" + tool + ":" + version + "')");
                }
                sorted.put(tool, version);
            });
        }
        if (sorted.size() > 40) {
            throw new InvalidInput("tool", "at most 40 tool versions");
        }
        return sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    public Optional<String> ciSystem() {
        return Optional.ofNullable(ciSystem);
    }

    public Optional<String> pipelineId() {
        return Optional.ofNullable(pipelineId);
    }

    public Optional<String> runUrl() {
        return Optional.ofNullable(runUrl);
    }

    public Optional<String> sourceCommit() {
        return Optional.ofNullable(sourceCommit);
    }

    public Optional<String> rig() {
        return Optional.ofNullable(rig);
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** Tool name → version, sorted by name. */
    public SortedMap<String, String> toolVersions() {
        SortedMap<String, String> map = new TreeMap<>();
        if (toolVersions != null && !toolVersions.isEmpty()) {
            for (String entry : toolVersions.split(",")) {
                int colon = entry.indexOf(':');
                map.put(entry.substring(0, colon), entry.substring(colon + 1));
            }
        }
        return map;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<String> calibrationSha256() {
        return Optional.ofNullable(calibrationSha256);
    }
}
