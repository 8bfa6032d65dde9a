package io.tracegate.audit.domain;

import java.nio.file.Path;

/** A package written to a work file: the ZIP, its SHA-256 and size. */
public record BuiltPackage(Path file, String sha256, long size) {
}
