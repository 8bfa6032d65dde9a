package io.tracegate.release.application;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.ArtifactKind;

/**
 * An artifact upload as announced before its body is read.
 *
 * @param declaredLength the Content-Length, or -1 for a chunked body
 */
public record UploadRequest(long releaseId, ArtifactFileName fileName, ArtifactKind kind, Sha256 sha256,
                            String mediaType, long declaredLength) {
}
