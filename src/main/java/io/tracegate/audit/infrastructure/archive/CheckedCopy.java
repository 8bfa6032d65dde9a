package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * Copies a stored file into its ZIP entry, read once: the ZIP's writer hashes the bytes on its second thread
 * and compares them with the SHA-256 the database recorded at upload, and the entry's CRC-32 (recorded at
 * upload too) is checked by the ZIP library when the entry is closed. A file that no longer matches fails
 * the package with the reason, so no package is ever made from a damaged blob store.
 */
final class CheckedCopy {

    private static final int BUFFER = 1 << 20;

    private final byte[] buffer = new byte[BUFFER];

    /**
     * @param copied told the bytes copied so far, after each buffer
     */
    void copy(SourceFile f, long crc, DeterministicZip zip, HashingWriter hashing, LongConsumer copied)
            throws IOException {
        OutputStream entry = zip.open(f.path(), f.size(), crc);
        hashing.beginStored(f);
        long size = 0;
        try (InputStream in = Files.newInputStream(f.location())) {
            int n;
            while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                size += n;
                if (size > f.size()) {
                    throw damaged(f, "has more than the recorded " + f.size() + " bytes");
                }
                entry.write(buffer, 0, n);
                copied.accept(n);
            }
        }
        if (size != f.size()) {
            throw damaged(f, "has " + size + " bytes, not the recorded " + f.size());
        }
        hashing.endStored();
        try {
            zip.closeEntry();
        } catch (ZipException e) {
            // Bytes that do not match their SHA-256 are the likelier reason, and the better one to give.
            hashing.settle();
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
