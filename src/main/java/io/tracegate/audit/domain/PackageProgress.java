package io.tracegate.audit.domain;

/**
 * Where a package being written has got to: the step, and how far through it (files or bytes, whichever the
 * step counts). Called on the thread that finishes the package; implementations decide how often to pass it on.
 */
@FunctionalInterface
public interface PackageProgress {

    /** Ignores every report: for callers that wait for the result anyway. */
    PackageProgress NONE = (step, done, total) -> {
    };

    /**
     * @param step  what is being done, in words
     * @param done  units done in this step
     * @param total units in this step (0 when the step is not counted)
     */
    void reached(PackageStep step, long done, long total);
}
