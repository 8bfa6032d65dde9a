package io.tracegate.audit.application;

import io.tracegate.audit.domain.AuditPackage;
import io.tracegate.audit.domain.AuditPackages;
import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.platform.blob.BlobRecords;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Releases;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * The short transaction that makes a stored package visible: blob claim, package row and audit event
 * together. The release row is locked so two concurrent generations of the same state end in one package.
 */
@Stateless
public class PackageRecorder {

    @Inject
    Releases releases;

    @Inject
    AuditPackages packages;

    @Inject
    BlobRecords blobs;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    /** The package recorded, and whether it is new (false: the same bytes were generated before). */
    public record Recorded(AuditPackage auditPackage, boolean created) {
    }

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public Recorded record(PackageContent content, BuiltPackage built, StoredBlob blob) {
        long releaseId = content.summary().releaseId();
        releases.withIdLocked(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        String who = caller.getCallerPrincipal().getName();
        blobs.recordChecks(built.computedCrc32s().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> new Sha256(e.getKey()), Map.Entry::getValue)),
                built.rehashed().stream().map(Sha256::new).toList(), Instant.now());
        Optional<AuditPackage> same = packages.withContent(releaseId, built.sha256());
        if (same.isPresent()) {
            trail.record(new AuditEntry(who, "package.generate", "audit-package", subject(same.get()), null,
                    "unchanged: same bytes as package " + same.get().id(), null));
            return new Recorded(same.get(), false);
        }
        Instant now = Instant.now();
        blobs.claim(blob, now);
        AuditPackage created = AuditPackage.of(content, built, who, now);
        packages.add(created);
        trail.record(new AuditEntry(who, "package.generate", "audit-package", subject(created), null,
                "sha256 " + created.sha256() + ", " + created.releaseStatus() + ", manifest " + created.manifestDigest(),
                null));
        return new Recorded(created, true);
    }

    static String subject(AuditPackage p) {
        return p.releaseId() + "/" + p.id();
    }
}
