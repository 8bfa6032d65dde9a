package io.tracegate.audit.infrastructure.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes ZIP entries that depend only on their names, bytes and one given time: every entry STORED (no
 * compressor whose output could change with the zlib version; evidence is mostly compressed already), its
 * time the package's content time in UTC, no extra fields, no directory entries, in the order added.
 * Files are streamed; ZIP64 is used by the JDK where sizes need it. A STORED entry's header carries the
 * size and CRC-32 of its bytes, so both must be known before they are written; the JDK checks them when
 * the entry is closed.
 */
final class DeterministicZip implements AutoCloseable {

    /** DOS time starts in 1980; a content time before that (only in tests) is clamped. */
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

    private final ZipOutputStream zip;
    private final LocalDateTime time;

    DeterministicZip(OutputStream out, Instant time) {
        this.zip = new ZipOutputStream(out);
        this.zip.setMethod(ZipOutputStream.STORED);
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC).withNano(0);
        this.time = utc.isBefore(EARLIEST) ? EARLIEST : utc;
    }

    /** A file this package generated, read and hashed already. */
    void add(HashedFile file) throws IOException {
        OutputStream entry = open(file.path(), file.size(), file.crc());
        try (InputStream in = Files.newInputStream(file.file())) {
            long copied = in.transferTo(entry);
            if (copied != file.size()) {
                throw new IOException(file.file() + " changed while it was packaged (" + copied + " bytes, expected "
                        + file.size() + ")");
            }
        }
        closeEntry();
    }

    /**
     * Starts an entry whose bytes the caller writes to the returned stream (which it must not close), then
     * calls {@link #closeEntry()}.
     */
    OutputStream open(String name, long size, long crc) throws IOException {
        zip.putNextEntry(entry(name, size, crc));
        return zip;
    }

    void closeEntry() throws IOException {
        zip.closeEntry();
    }

    private ZipEntry entry(String name, long size, long crc) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        // setTimeLocal writes the DOS time only, without the extended timestamp field that setTime adds for
        // some values, and without the JVM's time zone.
        entry.setTimeLocal(time);
        return entry;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
