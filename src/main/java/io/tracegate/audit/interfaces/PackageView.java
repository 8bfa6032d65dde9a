package io.tracegate.audit.interfaces;

import io.tracegate.audit.domain.AuditPackage;

import java.time.Instant;

/** A package's record: the release state it shows, its digest and size, who made it, where to fetch it. */
public record PackageView(long id, long releaseId, String releaseStatus, int reviewRound, String manifestDigest,
                          Instant contentAsOf, String sha256, long size, String fileName, Instant createdAt,
                          String createdBy, String content) {

    static PackageView of(AuditPackage p) {
        return new PackageView(p.id(), p.releaseId(), p.releaseStatus(), p.reviewRound(), p.manifestDigest(),
                p.contentAsOf(), p.sha256(), p.size(), p.fileName(), p.createdAt(), p.createdBy(),
                "/api/releases/" + p.releaseId() + "/packages/" + p.id() + "/content");
    }
}
