package io.tracegate.audit.infrastructure.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a ZIP (APPNOTE 6.3) whose bytes depend only on its entries' names, bytes and given times: every
 * entry STORED (no compressor whose output could change with the zlib version; evidence is mostly compressed
 * already), its time in UTC to the DOS format's two seconds, names flagged UTF-8, no extra fields but
 * ZIP64's where sizes or offsets need it, no directory entries, in the order added.
 *
 * <p>It is written here rather than by {@code ZipOutputStream} because that class takes every byte through
 * an {@code OutputStream}: a stored file could not be read into the writer's buffers directly. A STORED
 * entry's header carries the size and CRC-32 of its bytes, so both are known before they are written; the
 * caller checks the CRC of what it copied, and {@link #closeEntry()} the size.
 */
final class DeterministicZip {

    /** Sizes, offsets and counts from here on do not fit the classic fields and go to ZIP64 ones. */
    static final long ZIP64_FROM = 0xFFFF_FFFFL;
    private static final int MAX_CLASSIC_ENTRIES = 0xFFFF;

    /** DOS time starts in 1980; a content time before that (only in tests) is clamped. */
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1980, 1, 1, 0, 0, 2);
    private static final int UTF8_NAMES = 1 << 11;
    private static final int VERSION_STORED = 10;
    private static final int VERSION_ZIP64 = 45;

    /** What the central directory needs of an entry. */
    private record Entry(byte[] name, long size, long crc, long offset, DosTime time) {
    }

    /** A time as a ZIP header holds it. */
    private record DosTime(short time, short date) {

        static DosTime of(Instant instant) {
            LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            LocalDateTime t = utc.isBefore(EARLIEST) ? EARLIEST : utc;
            return new DosTime((short) (t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() >> 1),
                    (short) ((t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth()));
        }
    }

    private final HashingWriter out;
    private final long zip64From;
    private final List<Entry> entries = new ArrayList<>();
    private long dataStart = -1;

    DeterministicZip(HashingWriter out) {
        this(out, ZIP64_FROM);
    }

    /** @param zip64From where ZIP64 fields start: lower than {@link #ZIP64_FROM} only to test them on small files */
    DeterministicZip(HashingWriter out, long zip64From) {
        this.out = out;
        this.zip64From = zip64From;
    }

    /** A file this package generated, read and hashed already. */
    void add(HashedFile file, Instant time) throws IOException {
        open(file.path(), file.size(), file.crc(), time);
        CRC32 crc = new CRC32();
        try (FileChannel in = FileChannel.open(file.file(), StandardOpenOption.READ)) {
            long copied = out.copy(in, file.size(), crc, n -> { });
            if (copied != file.size() || in.size() != file.size() || crc.getValue() != file.crc()) {
                throw new IOException(file.file() + " changed while it was packaged (" + in.size() + " bytes, expected "
                        + file.size() + ")");
            }
        }
        closeEntry();
    }

    /**
     * Writes an entry's local header; the caller then writes exactly {@code size} bytes whose CRC-32 is
     * {@code crc} to the writer and calls {@link #closeEntry()}.
     */
    void open(String name, long size, long crc, Instant time) throws IOException {
        if (dataStart >= 0) {
            throw new IllegalStateException("the previous entry is still open");
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("entry name longer than a ZIP allows: " + name.substring(0, 80) + "...");
        }
        boolean zip64 = size >= zip64From;
        DosTime dos = DosTime.of(time);
        ByteBuffer header = little(30 + bytes.length + (zip64 ? 20 : 0));
        header.putInt(0x04034b50)
                .putShort((short) (zip64 ? VERSION_ZIP64 : VERSION_STORED))
                .putShort((short) UTF8_NAMES)
                .putShort((short) 0)
                .putShort(dos.time())
                .putShort(dos.date())
                .putInt((int) crc)
                .putInt(zip64 ? -1 : (int) size)
                .putInt(zip64 ? -1 : (int) size)
                .putShort((short) bytes.length)
                .putShort((short) (zip64 ? 20 : 0))
                .put(bytes);
        if (zip64) {
            header.putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        }
        entries.add(new Entry(bytes, size, crc, out.position(), dos));
        out.write(header.flip());
        dataStart = out.position();
    }

    /** Ends the open entry, which must have been given the size its header announced. */
    void closeEntry() {
        Entry entry = entries.get(entries.size() - 1);
        long written = out.position() - dataStart;
        dataStart = -1;
        if (written != entry.size()) {
            throw new IllegalStateException("entry " + new String(entry.name(), StandardCharsets.UTF_8) + " got "
                    + written + " bytes, not the " + entry.size() + " its header announced");
        }
    }

    /** Writes the central directory and the end records; the writer stays open. */
    void finish() throws IOException {
        if (dataStart >= 0) {
            throw new IllegalStateException("an entry is still open");
        }
        long directoryStart = out.position();
        for (Entry e : entries) {
            writeCentral(e);
        }
        long directorySize = out.position() - directoryStart;
        int count = entries.size();
        boolean manyEntries = count >= Math.min(MAX_CLASSIC_ENTRIES, zip64From);
        boolean zip64 = manyEntries || directoryStart >= zip64From || directorySize >= zip64From;
        if (zip64) {
            long recordStart = out.position();
            out.write(little(56 + 20)
                    .putInt(0x06064b50).putLong(44)
                    .putShort((short) VERSION_ZIP64).putShort((short) VERSION_ZIP64)
                    .putInt(0).putInt(0)
                    .putLong(count).putLong(count)
                    .putLong(directorySize).putLong(directoryStart)
                    .putInt(0x07064b50).putInt(0).putLong(recordStart).putInt(1)
                    .flip());
        }
        out.write(little(22)
                .putInt(0x06054b50)
                .putShort((short) 0).putShort((short) 0)
                .putShort((short) (manyEntries ? MAX_CLASSIC_ENTRIES : count))
                .putShort((short) (manyEntries ? MAX_CLASSIC_ENTRIES : count))
                .putInt(directorySize >= zip64From ? -1 : (int) directorySize)
                .putInt(directoryStart >= zip64From ? -1 : (int) directoryStart)
                .putShort((short) 0)
                .flip());
    }

    private void writeCentral(Entry e) throws IOException {
        boolean bigSize = e.size() >= zip64From;
        boolean farOffset = e.offset() >= zip64From;
        int extra = (bigSize ? 16 : 0) + (farOffset ? 8 : 0);
        int extraField = extra == 0 ? 0 : 4 + extra;
        ByteBuffer header = little(46 + e.name().length + extraField);
        short version = (short) (extra == 0 ? VERSION_STORED : VERSION_ZIP64);
        header.putInt(0x02014b50)
                .putShort(version).putShort(version)
                .putShort((short) UTF8_NAMES)
                .putShort((short) 0)
                .putShort(e.time().time())
                .putShort(e.time().date())
                .putInt((int) e.crc())
                .putInt(bigSize ? -1 : (int) e.size())
                .putInt(bigSize ? -1 : (int) e.size())
                .putShort((short) e.name().length)
                .putShort((short) extraField)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(0)
                .putInt(farOffset ? -1 : (int) e.offset())
                .put(e.name());
        if (extra > 0) {
            header.putShort((short) 1).putShort((short) extra);
            if (bigSize) {
                header.putLong(e.size()).putLong(e.size());
            }
            if (farOffset) {
                header.putLong(e.offset());
            }
        }
        out.write(header.flip());
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
