package io.tracegate.approval.domain;

import java.util.Optional;

/**
 * The port by which approval learns whether the audit package frozen at a release's approval exists: an
 * approved release is handed over only once it does. The audit package concept, above approval,
 * implements it.
 */
public interface ApprovalPackageState {

    /**
     * Empty when the package frozen at the approval of {@code round} is on record; otherwise why not, in words
     * that complete "the audit package frozen at the approval of …" (still being written, failed, never
     * requested) and say what to do.
     */
    Optional<String> missing(long releaseId, int round);
}
