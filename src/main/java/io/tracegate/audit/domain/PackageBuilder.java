package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes an audit package: the report, manifest.json, the traceability CSV, the stored files, SHA256SUMS
 * and its signature, as one deterministic ZIP. Implemented where PDF, ZIP and CMS libraries may be used.
 */
public interface PackageBuilder {

    /**
     * @param files  the stored files, in the order they are to appear
     * @param target the ZIP to write (replaced if it exists)
     */
    BuiltPackage build(PackageContent content, List<SourceFile> files, Path target);
}
