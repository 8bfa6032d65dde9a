package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.Map;

/**
 * A package written to a work file: the ZIP, its SHA-256 and size.
 *
 * @param computedCrc32s the CRC-32 of each stored file (by SHA-256) that had none recorded and was read for it:
 *                       recorded afterwards, so later packages read those files once
 */
public record BuiltPackage(Path file, String sha256, long size, Map<String, Long> computedCrc32s) {

    public BuiltPackage {
        computedCrc32s = Map.copyOf(computedCrc32s);
    }
}
