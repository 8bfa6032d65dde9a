package io.tracegate.audit.application;

import io.tracegate.audit.domain.AuditEntry;
import io.tracegate.audit.domain.AuditPackage;
import io.tracegate.audit.domain.AuditPackages;
import io.tracegate.audit.domain.AuditTrail;
import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.PackageBuilder;
import io.tracegate.audit.domain.PackageVerification;
import io.tracegate.audit.domain.PackageVerifier;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.paging.Page;
import io.tracegate.release.domain.Releases;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Audit packages of a release: generate (read the state in one transaction, write the ZIP outside any
 * transaction, store it, record it in a short one), list, download (an audit event each), and verify an
 * uploaded package. Generation is synchronous: a package of the demo release takes a second or two; its
 * stored files are streamed, so memory does not grow with their size.
 */
@Stateless
public class AuditPackaging {

    @EJB
    PackageAssembly assembly;

    @EJB
    PackageRecorder recorder;

    @Inject
    PackageBuilder builder;

    @Inject
    PackageVerifier verifier;

    @Inject
    AuditPackages packages;

    @Inject
    Releases releases;

    @Inject
    BlobStore store;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @Inject
    @ConfigProperty(name = "tracegate.upload.max-bytes")
    long maxBytes;

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PackageRecorder.Recorded generate(long releaseId) {
        PackageAssembly.Assembled assembled = assembly.assemble(releaseId);
        Path zip = workFile("package-", ".zip");
        try {
            BuiltPackage built = builder.build(assembled.content(), assembled.files(), zip);
            StoredBlob blob;
            try (InputStream in = Files.newInputStream(zip)) {
                blob = store.store(in, new Sha256(built.sha256()), built.size(), Long.MAX_VALUE);
            }
            return recorder.record(assembled.content(), built, blob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(zip);
        }
    }

    @RolesAllowed({ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR})
    public Page<AuditPackage> list(long releaseId, int offset, int limit) {
        releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return new Page<>(packages.ofRelease(releaseId, offset, limit), offset, limit, packages.countOf(releaseId));
    }

    @RolesAllowed({ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR})
    public AuditPackage withId(long releaseId, long packageId) {
        return packages.withId(packageId).filter(p -> p.releaseId() == releaseId)
                .orElseThrow(() -> new NoSuchEntity("audit package", releaseId + "/" + packageId));
    }

    /** A package and where its bytes are. */
    public record Download(AuditPackage auditPackage, Path file) {
    }

    /** Records the download as an audit event (a read of a controlled record), then hands out the file. */
    @RolesAllowed({AUDITOR, APPROVER})
    public Download download(long releaseId, long packageId) {
        AuditPackage p = withId(releaseId, packageId);
        Path file = store.locate(new Sha256(p.sha256())).orElseThrow(() -> new IllegalStateException(
                "blob " + p.sha256() + " of audit package " + packageId + " is missing from the blob store"));
        trail.record(new AuditEntry(caller.getCallerPrincipal().getName(), "package.download", "audit-package",
                PackageRecorder.subject(p), null, null, null));
        return new Download(p, file);
    }

    /** Checks an uploaded package: the body is streamed to a work file (within the upload limit), never held. */
    @RolesAllowed({ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PackageVerification verify(InputStream body, long declaredLength) {
        Path zip = workFile("verify-", ".zip");
        try {
            UploadCopy.copy(body, zip, declaredLength, maxBytes);
            return verifier.verify(zip);
        } finally {
            deleteQuietly(zip);
        }
    }

    /** In the blob store's staging area: same disk as the blobs, and swept if a crash leaves it behind. */
    private Path workFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(store.root().resolve("staging"), prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work file in the blob store's staging area", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the sweeper removes staging leftovers
        }
    }
}
