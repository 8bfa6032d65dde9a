package io.tracegate.release.application;

import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.UploadProtocol;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;

/**
 * Takes artifact uploads by the {@link UploadProtocol}: checks the release and the name first (before a byte
 * is read), streams the body into the blob store outside any transaction, then records blob and artifact in
 * one short transaction ({@link ArtifactRecorder}).
 */
@Stateless
public class ArtifactIntake {

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    BlobStore store;

    @Inject
    UploadProtocol protocol;

    @EJB
    ArtifactRecorder recorder;

    /**
     * Runs the checks that need no body: role, release exists and is a DRAFT, the name is free or holds
     * the same content (then the upload is a retry and the existing artifact is the answer).
     */
    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Optional<Artifact> precheck(UploadRequest request) {
        Release release = releases.withId(request.releaseId())
                .orElseThrow(() -> new NoSuchEntity("release", request.releaseId()));
        release.ensureAcceptsContentChanges();
        Optional<Artifact> existing = artifacts.of(release, request.fileName());
        if (existing.isPresent() && !existing.get().hasContent(request.sha256())) {
            throw new Conflict("fileName", "release " + release.label() + " already has an artifact named '"
                    + request.fileName() + "' with other content (sha256 " + existing.get().sha256() + ")");
        }
        return existing;
    }

    @RolesAllowed({ML_ENGINEER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UploadOutcome upload(UploadRequest request, InputStream body) {
        UploadProtocol.Uploaded<Artifact> uploaded = protocol.upload(body, request.sha256(), request.declaredLength(),
                () -> precheck(request), blob -> () -> recorder.record(request, blob));
        return new UploadOutcome(uploaded.record(), uploaded.created());
    }

    @RolesAllowed(ANY_ROLE)
    public List<Artifact> of(long releaseId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return artifacts.of(release);
    }

    @RolesAllowed(ANY_ROLE)
    public Artifact withId(long releaseId, long artifactId) {
        return artifacts.withId(artifactId)
                .filter(artifact -> artifact.release().id() == releaseId)
                .orElseThrow(() -> new NoSuchEntity("artifact", releaseId + "/" + artifactId));
    }

    /** Where the bytes of an artifact are; they are served as stored, never interpreted. */
    @RolesAllowed(ANY_ROLE)
    public Path contentOf(long releaseId, long artifactId) {
        Artifact artifact = withId(releaseId, artifactId);
        return store.existing(artifact.sha256(), "artifact " + artifactId);
    }
}
