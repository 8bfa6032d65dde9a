package io.tracegate.audit.application;

import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.OpenPackage;
import io.tracegate.audit.domain.PackageBuilder;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Runs one package job on the container's asynchronous pool, as the user who asked for it: read which stored
 * files go in, open the package with them, read what the package says (a transaction of its own, refused if the
 * stored files changed in between), finish the ZIP outside any transaction (reporting progress), store it, and
 * record it in a short one. Every outcome ends the job: SUCCEEDED with the package, or FAILED with the reason,
 * which the caller also gets back.
 */
@Stateless
public class PackageJobRunner {

    private static final Logger LOG = Logger.getLogger(PackageJobRunner.class.getName());

    @EJB
    PackageJobLedger ledger;

    @EJB
    PackageAssembly assembly;

    @EJB
    PackageRecorder recorder;

    @Inject
    PackageBuilder builder;

    @Inject
    BlobStore store;

    /** What a job ended with: the recorded package, or the failure. */
    public record Outcome(PackageRecorder.Recorded recorded, RuntimeException failure) {

        public Optional<RuntimeException> failed() {
            return Optional.ofNullable(failure);
        }
    }

    @Asynchronous
    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Outcome> run(long jobId) {
        Path zip = null;
        try {
            PackageJob job = ledger.start(jobId);
            zip = Files.createTempFile(store.root().resolve("staging"), "package-", ".zip");
            List<SourceFile> files = assembly.storedFiles(job.releaseId());
            PackageContent content;
            BuiltPackage built;
            try (OpenPackage opened = builder.open(files, zip)) {
                content = assembly.content(job.releaseId());
                content.storedFilesDifferFrom(files)
                        .or(() -> job.mismatchWith(content.summary().status(), content.summary().reviewRound()))
                        .ifPresent(why -> {
                            throw new Conflict("release", why);
                        });
                built = opened.finish(content, new ThrottledProgress(jobId, ledger));
            }
            ledger.reach(jobId, PackageStep.STORING, 0, 0);
            // Renamed into the store, not copied: the builder hashed the ZIP as it wrote it.
            PackageRecorder.Recorded recorded;
            // Pinned until the package's row is committed, as an upload is, so the sweeper cannot take it for an orphan.
            try (BlobStore.Pin pinned = store.pin(new Sha256(built.sha256()))) {
                StoredBlob blob = store.adopt(zip, new Sha256(built.sha256()), built.size());
                recorded = recorder.record(content, built, blob);
            }
            ledger.succeed(jobId, recorded.auditPackage().id(), recorded.created());
            return new AsyncResult<>(new Outcome(recorded, null));
        } catch (IOException | RuntimeException e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
            recordFailure(jobId, failure);
            return new AsyncResult<>(new Outcome(null, failure));
        } finally {
            deleteQuietly(zip);
        }
    }

    private void recordFailure(long jobId, RuntimeException failure) {
        Throwable reason = rootFailure(failure);
        if (!(reason instanceof Failure)) {
            LOG.log(Level.SEVERE, "Package job " + jobId + " failed", failure);
        }
        try {
            ledger.fail(jobId, reason.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Package job " + jobId + " failed and the failure could not be recorded", e);
        }
    }

    /** Ours when one of ours is inside the container's wrapping; otherwise the innermost cause. */
    static Throwable rootFailure(Throwable thrown) {
        Throwable innermost = thrown;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Failure) {
                return t;
            }
            innermost = t;
        }
        return innermost;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the sweeper removes staging leftovers
        }
    }
}
