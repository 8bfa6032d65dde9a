package io.tracegate.audit.application;

import io.tracegate.approval.domain.ApprovalPackageState;
import io.tracegate.audit.domain.AuditPackages;
import io.tracegate.audit.domain.PackageJobs;

/**
 * The real answer to approval's "is the approval package on record?", wired by hand over the package and job
 * ports a test hands in (the fields are package-private and injected by the container).
 */
public final class PackageStateOnFakes {

    private PackageStateOnFakes() {
    }

    public static ApprovalPackageState of(AuditPackages packages, PackageJobs jobs) {
        ApprovalPackageOnRecord state = new ApprovalPackageOnRecord();
        state.packages = packages;
        state.jobs = jobs;
        return state;
    }
}
