package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.FileRole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * A file on disk on its way into the package, read once for its SHA-256 (for SHA256SUMS and manifest.json)
 * and CRC-32 (a stored ZIP entry needs it before its bytes), with a fixed buffer whatever its size.
 *
 * @param originalName the uploader's name of a stored file; null for generated files
 */
record HashedFile(String path, FileRole role, Path file, String sha256, long size, long crc, String originalName) {

    static HashedFile of(String path, FileRole role, Path file, String originalName) {
        MessageDigest sha = digester();
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for the package", e);
        }
        return new HashedFile(path, role, file, HexFormat.of().formatHex(sha.digest()), size, crc.getValue(), originalName);
    }

    /**
     * A stored file as the database recorded it, before it is read: enough for manifest.json, which lists
     * digests and sizes only. Its CRC is unknown ({@code -1}), so it can never be written into a ZIP.
     */
    static HashedFile recorded(String path, FileRole role, Path file, String sha256, long size, String originalName) {
        return new HashedFile(path, role, file, sha256, size, -1, originalName);
    }

    static MessageDigest digester() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
