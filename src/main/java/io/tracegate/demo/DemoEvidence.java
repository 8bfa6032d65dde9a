package io.tracegate.demo;

import io.tracegate.evidence.application.EvidenceFiling;
import io.tracegate.evidence.application.EvidenceReader;
import io.tracegate.evidence.application.EvidenceUpload;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.Provenance;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.release.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a demo release's evidence from its {@code evidence.json}: each file stored, parsed and filed as
 * if the nightly CI account had uploaded it with that provenance, then reviewed by the demo safety
 * engineer, so the demo opens on a trace matrix with every kind of verdict.
 */
@ApplicationScoped
class DemoEvidence {

    static final String UPLOADER = "ci-nightly";
    static final String REVIEWER = "sam";

    @Inject
    BlobStore blobs;

    @Inject
    EvidenceReader reader;

    @Inject
    EvidenceFiling filing;

    @Inject
    EvidenceItems items;

    void load(DemoSource files, Release release, String folder, JsonObject manifest) {
        for (JsonValue value : manifest.getJsonArray("evidence")) {
            JsonObject entry = value.asJsonObject();
            String relative = entry.getString("file");
            StoredBlob blob = DemoProject.storeFile(blobs, files, folder + relative);
            String fileName = Path.of(relative).getFileName().toString();
            String format = entry.getString("format", null);
            Path stored = blobs.existing(blob.sha256(), "demo evidence " + fileName);
            ParsedEvidence parsed = reader.read(fileName, format, null, stored);
            JsonObject provenance = entry.getJsonObject("provenance");
            EvidenceUpload upload = new EvidenceUpload(release.id(), fileName, blob.sha256(), blob.size(), null, format,
                    strings(entry, "requirements"), map(entry.getJsonObject("scope")), provenanceOf(provenance));
            Instant at = provenance != null && provenance.containsKey("finishedAt")
                    ? Instant.parse(provenance.getString("finishedAt")) : Instant.now();
            Evidence evidence = filing.file(release, upload, blob, parsed, UPLOADER, at);
            items.addReview(evidence.review(ReviewState.ACCEPTED, "Demo data: provenance, data set version and run "
                    + "log checked against the HIL campaign plan.", REVIEWER, at.plusSeconds(3600)));
        }
    }

    private static Provenance provenanceOf(JsonObject p) {
        if (p == null) {
            return Provenance.of(null, null, null, null, null, null, Map.of(), null, null, null);
        }
        return Provenance.of(p.getString("ciSystem", null), p.getString("pipelineId", null), p.getString("runUrl", null),
                p.getString("sourceCommit", null), p.getString("rig", null), p.getString("target", null),
                map(p.getJsonObject("toolVersions")), instant(p, "startedAt"), instant(p, "finishedAt"),
                p.getString("calibrationSha256", null));
    }

    private static Instant instant(JsonObject p, String key) {
        return p.containsKey(key) ? Instant.parse(p.getString(key)) : null;
    }

    private static List<String> strings(JsonObject entry, String key) {
        return entry.containsKey(key) ? entry.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
    }

    private static Map<String, String> map(JsonObject json) {
        Map<String, String> map = new TreeMap<>();
        if (json != null) {
            json.forEach((k, v) -> map.put(k, ((JsonString) v).getString()));
        }
        return map;
    }
}
