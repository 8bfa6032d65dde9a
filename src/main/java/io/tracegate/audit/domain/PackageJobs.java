package io.tracegate.audit.domain;

import java.util.List;
import java.util.Optional;

/** Requests to write audit packages and their progress. */
public interface PackageJobs {

    void add(PackageJob job);

    Optional<PackageJob> withId(long id);

    /** Newest first. */
    List<PackageJob> ofRelease(long releaseId, int offset, int limit);

    long countOf(long releaseId);

    /** The newest job that is to write the approval package of this round, if any. */
    Optional<PackageJob> approvalJob(long releaseId, int round);

    /** Jobs queued or running: at start-up, those a stopped server left behind. */
    List<PackageJob> unfinished();
}
