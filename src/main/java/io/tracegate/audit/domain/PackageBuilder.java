package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes an audit package: the stored files, manifest.json, the traceability CSV, the report, SHA256SUMS and
 * its signature, as one deterministic ZIP. Implemented where PDF, ZIP and CMS libraries may be used.
 *
 * <p>Why a package is opened with its stored files and finished with its content, and not written by one
 * {@code build(content, files, target)}: those are the two steps of the use case, in the order it knows them.
 * Which stored files go in is one short query; what the package says about them takes seconds to read, and
 * the stored files (gigabytes, and the ZIP's first entries) need nothing of it. Both calls take and give plain
 * values, in the caller's thread: no futures, threads or callbacks into the caller, and nothing here says when
 * the work is done. An implementation may write everything in {@link OpenPackage#finish}; the ZIP adapter starts
 * copying on {@link #open}, so the copy overlaps the reading of the content (writing only after reading everything
 * made the package benchmark 7 % slower). {@link #build} is the one-call form for callers that have everything at
 * hand.
 */
public interface PackageBuilder {

    /**
     * Opens a package at {@code target} (replaced if it exists) whose stored files are {@code files}. Close what
     * it returns in any case.
     *
     * @param files the stored files, in the order they are to appear
     */
    OpenPackage open(List<SourceFile> files, Path target);

    /** Writes a whole package at once. */
    default BuiltPackage build(PackageContent content, List<SourceFile> files, Path target, PackageProgress progress) {
        try (OpenPackage opened = open(files, target)) {
            return opened.finish(content, progress);
        }
    }

    default BuiltPackage build(PackageContent content, List<SourceFile> files, Path target) {
        return build(content, files, target, PackageProgress.NONE);
    }
}
