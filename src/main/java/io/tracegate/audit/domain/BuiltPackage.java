package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A package written to a work file: the ZIP, its SHA-256 and size.
 *
 * @param computedCrc32s the CRC-32 of each stored file (by SHA-256) that had none recorded and was read for it:
 *                       recorded afterwards, so later packages read those files once
 * @param rehashed       the stored files (by SHA-256) whose bytes were hashed again and matched
 */
public record BuiltPackage(Path file, String sha256, long size, Map<String, Long> computedCrc32s, Set<String> rehashed) {

    public BuiltPackage {
        computedCrc32s = Map.copyOf(computedCrc32s);
        rehashed = Set.copyOf(rehashed);
    }
}
