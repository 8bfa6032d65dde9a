package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes an audit package: the report, manifest.json, the traceability CSV, the stored files, SHA256SUMS
 * and its signature, as one deterministic ZIP. Implemented where PDF, ZIP and CMS libraries may be used.
 */
public interface PackageBuilder {

    /**
     * @param files    the stored files, in the order they are to appear
     * @param target   the ZIP to write (replaced if it exists)
     * @param progress told of each step and how far through it the writer is
     */
    BuiltPackage build(PackageContent content, List<SourceFile> files, Path target, PackageProgress progress);

    default BuiltPackage build(PackageContent content, List<SourceFile> files, Path target) {
        return build(content, files, target, PackageProgress.NONE);
    }
}
