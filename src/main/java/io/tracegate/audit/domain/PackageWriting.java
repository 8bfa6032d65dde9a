package io.tracegate.audit.domain;

/**
 * A package whose stored files are being copied into its ZIP while the caller reads the rest of the release.
 * Either {@link #finish} it with that content, or {@link #close()} it to give it up; close it in any case.
 */
public interface PackageWriting extends AutoCloseable {

    /**
     * Adds what depends on the content (manifest.json, the CSV, the report, SHA256SUMS and its signature) once
     * the stored files are in, and closes the ZIP. A stored file that no longer matches its record fails here.
     *
     * @param progress told of each step and how far through it the writer is, on the caller's thread
     */
    BuiltPackage finish(PackageContent content, PackageProgress progress);

    /** Stops the copying if the package was not finished, and waits until it has stopped. Idempotent. */
    @Override
    void close();
}
