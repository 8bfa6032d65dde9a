package io.tracegate.audit.domain;

/**
 * A package whose stored files are fixed and whose content is still to come. Either {@link #finish} it with
 * that content, or {@link #close()} it to give it up; close it in any case.
 */
public interface OpenPackage extends AutoCloseable {

    /**
     * Adds what depends on the content (manifest.json, the CSV, the report, SHA256SUMS and its signature) to the
     * stored files and closes the ZIP. A stored file that no longer matches its record fails here.
     *
     * @param content  what the package says; it must list exactly the stored files the package was opened with
     *                 (see {@link PackageContent#storedFilesDifferFrom})
     * @param progress told of each step and how far through it the writing is, on the caller's thread
     */
    BuiltPackage finish(PackageContent content, PackageProgress progress);

    /** Gives the package up if it was not finished, and lets go of everything it holds. Idempotent. */
    @Override
    void close();
}
