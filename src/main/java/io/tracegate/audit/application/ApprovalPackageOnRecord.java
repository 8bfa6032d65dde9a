package io.tracegate.audit.application;

import io.tracegate.approval.domain.ApprovalPackageState;
import io.tracegate.audit.domain.AuditPackages;
import io.tracegate.audit.domain.PackageJobs;
import io.tracegate.audit.domain.PackageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Approval's question answered from the packages and their jobs: is the approval package on record, if not why. */
@ApplicationScoped
public class ApprovalPackageOnRecord implements ApprovalPackageState {

    @Inject
    AuditPackages packages;

    @Inject
    PackageJobs jobs;

    @Override
    public Optional<String> missing(long releaseId, int round) {
        if (packages.approvalPackage(releaseId, round).isPresent()) {
            return Optional.empty();
        }
        String writeAgain = "Write it with POST /api/releases/" + releaseId + "/packages while the release is APPROVED";
        return Optional.of(jobs.approvalJob(releaseId, round).map(job -> switch (job.state()) {
            case QUEUED, RUNNING -> "is still being written (package job " + job.id() + ", "
                    + job.step().map(PackageStep::words).orElse("queued") + "); hand it over once the job has succeeded";
            case FAILED -> "was not written: package job " + job.id() + " failed (" + job.failure().orElse("") + ")."
                    + " Write it again with POST /api/releases/" + releaseId + "/packages while the release is APPROVED";
            case SUCCEEDED -> "is missing although job " + job.id() + " succeeded";
        }).orElse("was never requested. " + writeAgain));
    }
}
