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
 * Copies a stored file into its ZIP entry, read once. The ZIP library checks the bytes against the entry's
 * CRC-32, recorded at upload, when the entry is closed: that catches accidental damage (a flipped bit, a
 * torn file). Files due for it are also hashed again by the ZIP's writer on a thread of its own and compared
 * with the SHA-256 recorded at upload, against deliberate change. A file that no longer matches fails the
 * package with the reason, so no package is ever made from a damaged blob store.
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
        if (f.rehash()) {
            hashing.beginStored(f);
        }
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
        if (f.rehash()) {
            hashing.endStored();
        }
        try {
            zip.closeEntry();
        } catch (ZipException e) {
            // A SHA-256 mismatch, where the file was re-hashed, is the more telling reason to give.
            hashing.settle();
            throw damaged(f, "no longer matches the CRC-32 recorded at upload (" + crc + ")");
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
