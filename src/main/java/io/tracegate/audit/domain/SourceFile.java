package io.tracegate.audit.domain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A stored file (artifact or evidence) that goes into a package as it is: its place in the package, where
 * its bytes are, and the digest and size the database recorded for it. The builder streams it and refuses
 * to package it when the bytes no longer hash to {@code sha256}.
 */
public record SourceFile(String path, FileRole role, String originalName, Path location, String sha256, long size) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }
}
