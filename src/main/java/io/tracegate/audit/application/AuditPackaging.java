package io.tracegate.audit.application;

import io.tracegate.audit.domain.AuditPackage;
import io.tracegate.audit.domain.AuditPackages;
import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageJobs;
import io.tracegate.audit.domain.PackageVerification;
import io.tracegate.audit.domain.PackageVerifier;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.paging.Page;
import io.tracegate.release.domain.Releases;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Audit packages of a release: request one (a job that runs in the background, see {@link PackageJobRunner}),
 * follow the job, list the packages, download one (an audit event each), and verify an uploaded package.
 * The stored files are streamed, so memory does not grow with their size.
 */
@Stateless
public class AuditPackaging {

    @EJB
    PackageJobLedger ledger;

    @EJB
    PackageJobRunner runner;

    @Inject
    PackageJobs jobs;

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

    /** A package job, and the package when it was written within the time the caller waits. */
    public record Requested(PackageJob job, Optional<PackageRecorder.Recorded> recorded) {
    }

    /**
     * Queues a package of the release as it is now and waits for it up to {@code wait}: small releases get
     * their package in the answer, large ones the job to poll. A job that fails within the wait throws its
     * failure, so the caller gets the same error as if the package had been written synchronously.
     */
    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Requested request(long releaseId, Duration wait) {
        PackageJob job = ledger.open(releaseId);
        Future<PackageJobRunner.Outcome> running = runner.run(job.id());
        try {
            PackageJobRunner.Outcome outcome = running.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            outcome.failed().ifPresent(failure -> {
                throw failure;
            });
            return new Requested(jobs.withId(job.id()).orElse(job), Optional.of(outcome.recorded()));
        } catch (TimeoutException e) {
            return new Requested(job, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Requested(job, Optional.empty());
        } catch (ExecutionException e) {
            throw new IllegalStateException("package job " + job.id() + " failed", e.getCause());
        }
    }

    /** Writes the package frozen at approval in the background, as the approver whose signature approved. */
    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PackageJob freezeAtApproval(long releaseId, int round) {
        PackageJob job = ledger.openAtApproval(releaseId, round);
        runner.run(job.id());
        return job;
    }

    @RolesAllowed(ANY_ROLE)
    public Page<PackageJob> jobs(long releaseId, int offset, int limit) {
        releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return new Page<>(jobs.ofRelease(releaseId, offset, limit), offset, limit, jobs.countOf(releaseId));
    }

    @RolesAllowed(ANY_ROLE)
    public PackageJob job(long releaseId, long jobId) {
        return jobs.withId(jobId).filter(j -> j.releaseId() == releaseId)
                .orElseThrow(() -> new NoSuchEntity("package job", releaseId + "/" + jobId));
    }

    @RolesAllowed(ANY_ROLE)
    public Page<AuditPackage> list(long releaseId, int offset, int limit) {
        releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return new Page<>(packages.ofRelease(releaseId, offset, limit), offset, limit, packages.countOf(releaseId));
    }

    @RolesAllowed(ANY_ROLE)
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
        Path file = store.existing(new Sha256(p.sha256()), "audit package " + packageId);
        trail.record(new AuditEntry(caller.getCallerPrincipal().getName(), "package.download", "audit-package",
                PackageRecorder.subject(p), null, null, null));
        return new Download(p, file);
    }

    /** Checks an uploaded package: the body is streamed to a work file (within the upload limit), never held. */
    @RolesAllowed(ANY_ROLE)
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
