package io.tracegate.audit.domain;

import java.util.List;
import java.util.Optional;

/** The generated audit packages of all releases; append-only. */
public interface AuditPackages {

    void add(AuditPackage auditPackage);

    Optional<AuditPackage> withId(long id);

    /** The package of this release with exactly this content, if one was generated before. */
    Optional<AuditPackage> withContent(long releaseId, String sha256);

    /** Newest first. */
    List<AuditPackage> ofRelease(long releaseId, int offset, int limit);

    long countOf(long releaseId);

    /** The package frozen at approval: the first one showing the release APPROVED in this review round. */
    Optional<AuditPackage> approvalPackage(long releaseId, int round);
}
