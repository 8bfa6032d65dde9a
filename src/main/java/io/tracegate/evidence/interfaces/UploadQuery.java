package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.application.EvidenceUpload;
import io.tracegate.evidence.domain.Provenance;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.web.StoredFile;
import io.tracegate.release.domain.ArtifactFileName;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The query parameters (and body headers) of an evidence upload, collected by JAX-RS as a {@code @BeanParam}:
 * {@code sha256}, {@code format}, repeatable {@code requirement}, {@code scope=set=night-hil} and
 * {@code tool=tensorrt:10.3.0}, and the provenance fields. {@link #upload} checks them; every refusal is an
 * {@link InvalidInput} naming the parameter, which the API answers as a 400 problem+json with that
 * {@code field}.
 */
public class UploadQuery {

    private static final Pattern SCOPE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern SCOPE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    @QueryParam("sha256")
    String sha256;
    @QueryParam("format")
    String format;
    @QueryParam("requirement")
    List<String> requirements;
    @QueryParam("scope")
    List<String> scope;
    @QueryParam("ciSystem")
    String ciSystem;
    @QueryParam("pipelineId")
    String pipelineId;
    @QueryParam("runUrl")
    String runUrl;
    @QueryParam("sourceCommit")
    String sourceCommit;
    @QueryParam("rig")
    String rig;
    @QueryParam("target")
    String target;
    @QueryParam("tool")
    List<String> tools;
    @QueryParam("startedAt")
    String startedAt;
    @QueryParam("finishedAt")
    String finishedAt;
    @QueryParam("calibrationSha256")
    String calibrationSha256;
    @HeaderParam(HttpHeaders.CONTENT_TYPE)
    String contentType;
    @HeaderParam(HttpHeaders.CONTENT_LENGTH)
    String contentLength;

    /** The upload as declared, checked before a byte of the body is read. */
    EvidenceUpload upload(long releaseId, String fileName) {
        return new EvidenceUpload(releaseId, new ArtifactFileName(fileName).value(), Sha256.parse("sha256", sha256),
                StoredFile.declaredLength(contentLength), contentType,
                format == null || format.isBlank() ? null : format.trim(), orNone(requirements), scope(orNone(scope)),
                Provenance.of(ciSystem, pipelineId, runUrl, sourceCommit, rig, target, tools(orNone(tools)),
                        instant("startedAt", startedAt), instant("finishedAt", finishedAt), calibrationSha256));
    }

    private static List<String> orNone(List<String> values) {
        return values == null ? List.of() : values;
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
}
