package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes an audit package: the stored files, manifest.json, the traceability CSV, the report, SHA256SUMS and
 * its signature, as one deterministic ZIP. Implemented where PDF, ZIP and CMS libraries may be used.
 *
 * <p>Writing starts as soon as the stored files are known, before the rest of the release is read: copying
 * gigabytes of evidence and reading the release's state each take seconds, and neither needs the other.
 */
public interface PackageBuilder {

    /**
     * Starts copying the stored files into {@code target} (replaced if it exists) on threads of the builder's
     * own, and returns at once.
     *
     * @param files the stored files, in the order they are to appear
     */
    PackageWriting start(List<SourceFile> files, Path target);

    /** Writes a whole package at once: for callers that have read the release already. */
    default BuiltPackage build(PackageContent content, List<SourceFile> files, Path target, PackageProgress progress) {
        try (PackageWriting writing = start(files, target)) {
            return writing.finish(content, progress);
        }
    }

    default BuiltPackage build(PackageContent content, List<SourceFile> files, Path target) {
        return build(content, files, target, PackageProgress.NONE);
    }
}
