package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A stored file (artifact or evidence) that goes into a package as it is: its place in the package, where
 * its bytes are, and the digest, size and CRC-32 the database recorded for it. The builder streams it and
 * refuses to package it when its bytes no longer match the CRC-32 or, where {@code rehash} says so, the SHA-256.
 *
 * @param storedAt when the file was uploaded: its entry's time in the ZIP, which it shares with no later state
 * @param crc32  recorded at upload; empty for files stored before that was done, whose CRC the builder computes
 * @param rehash whether to hash the bytes again and compare them with {@code sha256} (their last check is older
 *               than the package's policy allows)
 */
public record SourceFile(String path, FileRole role, String originalName, Path location, String sha256, long size,
                         Instant storedAt, OptionalLong crc32, boolean rehash) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(crc32, "crc32");
    }

    /** A file whose CRC-32 was not recorded, re-hashed to be sure. */
    public SourceFile(String path, FileRole role, String originalName, Path location, String sha256, long size,
                      Instant storedAt) {
        this(path, role, originalName, location, sha256, size, storedAt, OptionalLong.empty(), true);
    }
}
