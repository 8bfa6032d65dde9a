package io.tracegate.release.interfaces;

import io.tracegate.release.domain.Artifact;

import java.time.Instant;

/** An artifact's record: what it is, its digest and size, who uploaded it, where to fetch it. */
public record ArtifactView(long id, long releaseId, String fileName, String kind, String sha256, long size,
                           String mediaType, Instant uploadedAt, String uploadedBy, String content) {

    static ArtifactView of(Artifact artifact) {
        long releaseId = artifact.release().id();
        return new ArtifactView(artifact.id(), releaseId, artifact.fileName().value(), artifact.kind().name(),
                artifact.sha256().hex(), artifact.size(), artifact.mediaType(), artifact.uploadedAt(),
                artifact.uploadedBy(), ArtifactResource.contentPath(releaseId, artifact));
    }
}
