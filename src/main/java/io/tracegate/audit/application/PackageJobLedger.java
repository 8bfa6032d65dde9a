package io.tracegate.audit.application;

import io.tracegate.platform.instance.ServerInstance;
import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageJobs;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Releases;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Writes each change of a package job in its own short transaction, so the job's progress is visible to
 * whoever polls while the package is still being written, and a failure is recorded even when the work
 * that failed rolled back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PackageJobLedger {

    @Inject
    PackageJobs jobs;

    @Inject
    Releases releases;

    @Resource
    SessionContext caller;

    @Inject
    ServerInstance server;

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public PackageJob open(long releaseId) {
        releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        PackageJob job = PackageJob.requested(releaseId, caller.getCallerPrincipal().getName(), Instant.now());
        job.runOn(server.id());
        jobs.add(job);
        return job;
    }

    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    public PackageJob openAtApproval(long releaseId, int round) {
        PackageJob job = PackageJob.atApproval(releaseId, round, caller.getCallerPrincipal().getName(), Instant.now());
        job.runOn(server.id());
        jobs.add(job);
        return job;
    }

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public PackageJob start(long jobId) {
        PackageJob job = find(jobId);
        job.start(Instant.now());
        return job;
    }

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public void reach(long jobId, PackageStep step, long done, long total) {
        find(jobId).reach(step, done, total, Instant.now());
    }

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public void succeed(long jobId, long packageId, boolean isNew) {
        find(jobId).succeed(packageId, isNew, Instant.now());
    }

    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public void fail(long jobId, String why) {
        find(jobId).fail(why, Instant.now());
    }

    private PackageJob find(long jobId) {
        return jobs.withId(jobId).orElseThrow(() -> new NoSuchEntity("package job", jobId));
    }
}
