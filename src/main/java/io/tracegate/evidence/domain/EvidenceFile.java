package io.tracegate.evidence.domain;

import io.tracegate.platform.blob.Sha256;

import java.time.Instant;
import java.util.Objects;

/**
 * An evidence item as a stored file, without what was read out of it: what a package needs to copy it, read
 * for a whole release in one short query.
 */
public record EvidenceFile(long id, String fileName, Sha256 sha256, long size, Instant uploadedAt) {

    public EvidenceFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }

    public static EvidenceFile of(Evidence e) {
        return new EvidenceFile(e.id(), e.fileName(), e.sha256(), e.size(), e.uploadedAt());
    }
}
