package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.domain.Provenance;
import io.tracegate.platform.failure.InvalidInput;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads the repeatable query parameters of an evidence upload ({@code scope=set=night-hil}, {@code tool=tensorrt:10.3.0}). */
final class UploadQuery {

    private static final Pattern SCOPE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern SCOPE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    private UploadQuery() {
    }

    static Map<String, String> scope(List<String> entries) {
        Map<String, String> scope = new TreeMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq).trim();
            String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!SCOPE_KEY.matcher(key).matches() || !SCOPE_VALUE.matcher(value).matches()) {
                throw new InvalidInput("scope", "'" + entry + "' is not key=value (key: lower-case letters, digits, _; "
                        + "value: letters, digits, . _ -), e.g. scope=set=night-hil");
            }
            if (scope.put(key, value) != null) {
                throw new InvalidInput("scope", "key '" + key + "' given twice");
            }
        }
        if (scope.size() > 20) {
            throw new InvalidInput("scope", "at most 20 scope entries");
        }
        return scope;
    }

    static Map<String, String> tools(List<String> entries) {
        Map<String, String> tools = new TreeMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new InvalidInput("tool", "'" + entry + "' is not name:version, e.g. tool=tensorrt:10.3.0");
            }
            tools.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return tools;
    }

    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "is not an ISO-8601 UTC time such as 2026-11-20T01:12:00Z");
        }
    }

    static Provenance provenance(String ciSystem, String pipelineId, String runUrl, String sourceCommit, String rig,
                                 String target, List<String> tools, String startedAt, String finishedAt,
                                 String calibrationSha256) {
        return Provenance.of(ciSystem, pipelineId, runUrl, sourceCommit, rig, target, tools(tools),
                instant("startedAt", startedAt), instant("finishedAt", finishedAt), calibrationSha256);
    }
}
