package io.tracegate.release.application;

import io.tracegate.platform.blob.BlobRecords;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.AuditValues;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;

/** The short transaction that makes a stored blob visible as an artifact: blob claim and artifact row together. */
@Stateless
public class ArtifactRecorder {

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    BlobRecords blobs;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Artifact record(UploadRequest request, StoredBlob blob) {
        Release release = releases.withId(request.releaseId())
                .orElseThrow(() -> new NoSuchEntity("release", request.releaseId()));
        Instant now = Instant.now();
        blobs.claim(blob, now);
        Artifact artifact = Artifact.record(release, request.fileName(), request.kind(), blob, request.mediaType(),
                caller.getCallerPrincipal().getName(), now);
        artifacts.add(artifact);
        trail.record(new AuditEntry(artifact.uploadedBy(), "artifact.upload", "artifact", artifact.id().toString(), null,
                AuditValues.json("release", release.label(), "releaseId", release.id(), "fileName",
                        artifact.fileName().value(), "kind", artifact.kind().name(), "sha256", artifact.sha256().hex(),
                        "size", artifact.size()), null));
        return artifact;
    }
}
