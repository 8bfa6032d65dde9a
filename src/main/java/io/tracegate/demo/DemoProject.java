package io.tracegate.demo;

import io.tracegate.platform.blob.BlobRecords;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.persistence.SchemaState;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.release.application.RecipeDraft;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.ArtifactKind;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Models;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.release.domain.SemanticVersion;
import io.tracegate.release.interfaces.RecipeJson;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.infrastructure.MarkdownFormat;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.AuditValues;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * In demo mode, loads the example project the first time (when the model does not exist yet): the
 * requirements as a baseline, the model, its releases with recipes and artifacts; the INT8 release is
 * linked to the baseline, and
 * their evidence (evidence.json per release) is filed and reviewed. Goes through the domain objects, so the demo obeys the same rules as users.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "AccountBootstrap"})
public class DemoProject {

    static final String PROJECT = "evidence/front-camera-object-detector/";
    private static final String LOADER = "demo-loader";
    private static final Logger LOG = Logger.getLogger(DemoProject.class.getName());

    @Inject
    @ConfigProperty(name = "tracegate.demo.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "tracegate.demo.source")
    java.util.Optional<String> source;

    @Inject
    SchemaState schema;

    @Inject
    Models models;

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    BlobStore blobs;

    @Inject
    BlobRecords blobRecords;

    @Inject
    RequirementBaselines baselines;

    @Inject
    MarkdownFormat markdown;

    @Inject
    DemoEvidence evidence;

    @Inject
    AuditTrail trail;

    @PostConstruct
    void load() {
        if (!enabled || !schema.isReady()) {
            return;
        }
        DemoSource files = DemoSource.of(source.orElse(null));
        JsonObject demo = readJson(files, PROJECT + "demo.json");
        JsonObject modelJson = demo.getJsonObject("model");
        ModelName name = new ModelName(modelJson.getString("name"));
        if (models.named(name).isPresent()) {
            return;
        }
        Instant now = Instant.now();
        RequirementBaseline baseline = DemoRequirements.baseline(files, markdown, LOADER, now);
        long baselineId = baselines.add(baseline);
        Model model = Model.register(name, modelJson.getString("description", null), LOADER, now);
        models.add(model);
        Map<String, Release> byVersion = new HashMap<>();
        for (JsonValue value : demo.getJsonArray("releases")) {
            JsonObject releaseJson = value.asJsonObject();
            Release reference = releaseJson.containsKey("reference") ? byVersion.get(releaseJson.getString("reference")) : null;
            Release release = Release.draft(model, new SemanticVersion(releaseJson.getString("version")),
                    releaseJson.getString("description", null), reference, LOADER, now);
            releases.add(release);
            RecipeDraft draft = RecipeJson.read(new JsonFields(releaseJson.getJsonObject("recipe"), ""));
            release.attachRecipe(draft.toRecipe(null), LOADER, now);
            // The FP32 reference is verified against the same requirements; its KPIs are what drops are measured from.
            release.useBaseline(baselineId);
            for (JsonValue artifactValue : releaseJson.getJsonArray("artifacts")) {
                JsonObject artifact = artifactValue.asJsonObject();
                storeArtifact(files, release, artifact, now);
            }
            byVersion.put(release.version().value(), release);
            String manifest = PROJECT + release.version().value() + "/evidence.json";
            if (files.exists(manifest)) {
                evidence.load(files, release, PROJECT + release.version().value() + "/", readJson(files, manifest));
            }
        }
        trail.record(new AuditEntry(LOADER, "demo.load", "model", name.value(), null,
                AuditValues.json("releases", String.join(", ", new java.util.TreeSet<>(byVersion.keySet())), "baselineId", baseline.id(),
                        "requirements", baseline.size()),
                "demo mode: the example project is loaded on first start"));
        LOG.info(() -> "Loaded the demo project '" + name + "' (" + byVersion.size() + " releases, baseline of "
                + baseline.size() + " requirements) from " + files);
    }

    private void storeArtifact(DemoSource files, Release release, JsonObject artifact, Instant now) {
        String file = artifact.getString("file");
        StoredBlob blob = storeFile(blobs, files, PROJECT + file);
        blobRecords.claim(blob, now);
        String fileName = Path.of(file).getFileName().toString();
        artifacts.add(Artifact.record(release, new ArtifactFileName(fileName),
                ArtifactKind.valueOf(artifact.getString("kind")), blob, artifact.getString("mediaType", null), LOADER, now));
    }

    /** Hashes the file in one pass, then stores it with that digest (two reads; demo files are small). */
    static StoredBlob storeFile(BlobStore blobs, DemoSource files, String relative) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(files.open(relative), sha)) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            Sha256 digest = Sha256.of(sha.digest());
            try (InputStream in = files.open(relative)) {
                return blobs.store(in, digest, size, Long.MAX_VALUE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject readJson(DemoSource files, String relative) {
        try (InputStream in = files.open(relative); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
