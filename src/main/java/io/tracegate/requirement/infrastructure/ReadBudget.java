package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;

/** Counts files and bytes as a read goes, refusing the repository at the first limit crossed. */
final class ReadBudget {

    private final GitLimits limits;
    private int files;
    private long bytes;

    ReadBudget(GitLimits limits) {
        this.limits = limits;
    }

    void countFile() {
        if (++files > limits.maxFiles()) {
            throw new BaselineRejected(new ImportProblem(null, null, "the repository has more than "
                    + limits.maxFiles() + " files; import refused"));
        }
    }

    void countBytes(long size) {
        bytes += size;
        if (bytes > limits.maxTotalBytes()) {
            throw new BaselineRejected(new ImportProblem(null, null, "the requirement files exceed "
                    + limits.maxTotalBytes() + " bytes in total; import refused"));
        }
    }
}
