package io.tracegate.approval.application.fakes;

import io.tracegate.audit.domain.AuditPackage;
import io.tracegate.audit.domain.AuditPackages;
import io.tracegate.release.domain.Release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Audit packages as rows. Building one is the package writer's job, not the review's, so {@link #written} stores
 * the row a written package of the release as it is now would leave.
 */
public final class InMemoryAuditPackages implements AuditPackages {

    private final List<AuditPackage> rows = new ArrayList<>();
    private long nextId = 1;

    @Override
    public void add(AuditPackage auditPackage) {
        rows.add(Rows.withId(auditPackage, nextId++));
    }

    /** The row of a package written of {@code release} as it is now (its status, round and digest). */
    public AuditPackage written(Release release, Instant at) {
        AuditPackage p = Rows.load(AuditPackage.class);
        Rows.with(p, "releaseId", release.id());
        Rows.with(p, "releaseStatus", release.status().name());
        Rows.with(p, "reviewRound", release.reviewRound());
        Rows.with(p, "manifestDigest", release.manifestDigest().orElse("-"));
        Rows.with(p, "contentAsOf", at);
        Rows.with(p, "sha256", "f".repeat(64));
        Rows.with(p, "size", 1234L);
        Rows.with(p, "fileName", release.label().replace('@', '-') + "-audit-package.zip");
        Rows.with(p, "createdAt", at);
        Rows.with(p, "createdBy", "tracegate");
        add(p);
        return p;
    }

    @Override
    public Optional<AuditPackage> withId(long id) {
        return rows.stream().filter(p -> p.id() == id).findFirst();
    }

    @Override
    public Optional<AuditPackage> withContent(long releaseId, String sha256) {
        return rows.stream().filter(p -> p.releaseId() == releaseId && p.sha256().equals(sha256)).findFirst();
    }

    @Override
    public List<AuditPackage> ofRelease(long releaseId, int offset, int limit) {
        return rows.stream().filter(p -> p.releaseId() == releaseId)
                .sorted(Comparator.comparing(AuditPackage::id).reversed()).skip(offset).limit(limit).toList();
    }

    @Override
    public long countOf(long releaseId) {
        return rows.stream().filter(p -> p.releaseId() == releaseId).count();
    }

    @Override
    public Optional<AuditPackage> approvalPackage(long releaseId, int round) {
        return rows.stream().filter(p -> p.releaseId() == releaseId && p.reviewRound() == round
                && p.releaseStatus().equals("APPROVED")).min(Comparator.comparing(AuditPackage::id));
    }
}
