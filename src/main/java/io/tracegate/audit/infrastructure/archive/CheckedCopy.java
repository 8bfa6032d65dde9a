package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * Copies a stored file into its ZIP entry, read once, straight into the writer's blocks. Its bytes are
 * checked against the CRC-32 recorded at upload as they pass: that catches accidental damage (a flipped bit,
 * a torn file). Files due for it are also hashed again by the writer on a thread of its own and compared
 * with the SHA-256 recorded at upload, against deliberate change. A file that no longer matches fails the
 * package with the reason, so no package is ever made from a damaged blob store.
 */
final class CheckedCopy {

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(HashingWriter.CHUNK);

    /**
     * @param copied told the bytes copied so far, after each read
     */
    void copy(SourceFile f, long crc, DeterministicZip zip, HashingWriter hashing, LongConsumer copied)
            throws IOException {
        try (FileChannel in = FileChannel.open(f.location(), StandardOpenOption.READ)) {
            long size = in.size();
            if (size != f.size()) {
                throw damaged(f, "has " + size + " bytes, not the recorded " + f.size());
            }
            zip.open(f.path(), f.size(), crc, f.storedAt());
            if (f.rehash()) {
                hashing.beginStored(f);
            }
            CRC32 computed = new CRC32();
            long read = hashing.copy(in, f.size(), computed, copied);
            if (read != f.size()) {
                throw damaged(f, "ended after " + read + " bytes, not the recorded " + f.size());
            }
            if (f.rehash()) {
                hashing.endStored();
            }
            zip.closeEntry();
            if (computed.getValue() != crc) {
                // A SHA-256 mismatch, where the file was re-hashed, is the more telling reason to give.
                hashing.settle();
                throw damaged(f, "no longer matches the CRC-32 recorded at upload (" + crc + ")");
            }
        }
    }

    /** The CRC-32 of a file stored before uploads recorded it. */
    long crc32(SourceFile f, LongConsumer read) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel in = FileChannel.open(f.location(), StandardOpenOption.READ)) {
            while (in.read(buffer.clear()) > 0) {
                int n = buffer.flip().remaining();
                crc.update(buffer);
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
