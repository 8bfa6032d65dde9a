package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * Copies a stored file into its ZIP entry and checks, in the same read, that its bytes still hash to the
 * SHA-256 the database recorded at upload: each file of a package of gigabytes is read once. A file that no
 * longer matches fails the package before its entry is closed, with the reason, so no package is ever made
 * from a damaged blob store.
 */
final class CheckedCopy {

    private static final int BUFFER = 1 << 20;

    private final byte[] buffer = new byte[BUFFER];
    private final MessageDigest sha = HashedFile.digester();

    /**
     * @param copied told the bytes copied so far, after each buffer
     */
    void copy(SourceFile f, long crc, DeterministicZip zip, LongConsumer copied) throws IOException {
        OutputStream entry = zip.open(f.path(), f.size(), crc);
        sha.reset();
        long size = 0;
        try (InputStream in = Files.newInputStream(f.location())) {
            int n;
            while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                size += n;
                if (size > f.size()) {
                    throw damaged(f, "has more than the recorded " + f.size() + " bytes");
                }
                sha.update(buffer, 0, n);
                entry.write(buffer, 0, n);
                copied.accept(n);
            }
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (size != f.size() || !actual.equals(f.sha256())) {
            throw damaged(f, "hashes to " + actual + " (" + size + " bytes), not to the recorded " + f.sha256() + " ("
                    + f.size() + " bytes)");
        }
        try {
            zip.closeEntry();
        } catch (ZipException e) {
            // The bytes match their SHA-256, so it is the recorded CRC-32 that is wrong.
            throw new IllegalStateException("the CRC-32 recorded for stored file " + f.originalName() + " (" + crc
                    + ") is not that of its bytes; no package is made with it", e);
        }
    }

    /** The CRC-32 of a file stored before uploads recorded it. */
    long crc32(SourceFile f, LongConsumer read) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(f.location())) {
            int n;
            while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                crc.update(buffer, 0, n);
                read.accept(n);
            }
        }
        return crc.getValue();
    }

    private static IllegalStateException damaged(SourceFile f, String how) {
        return new IllegalStateException("stored file " + f.originalName() + " (" + f.location() + ") " + how
                + ": the blob store is damaged; no package is made from it");
    }
}
