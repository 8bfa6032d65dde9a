package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * Writes the ZIP to its channel in 1 MiB blocks and hashes everything written (the package's SHA-256) and each
 * stored file's bytes within it, which must hash to the digest the database recorded at upload. Writing and
 * each hash run on threads of their own, so the thread that fills the blocks only reads: the ZIP's file is
 * written around the page cache, and each write waits for the disk, which reading the next files need not.
 *
 * <p>The blocks are direct buffers: a stored file is read from its channel straight into one, CRC-checked
 * there, and written from it, so its bytes are copied twice in all (into the block, out of it), not five
 * times as through streams, whose heap arrays the JDK copies again into and out of buffers of its own. On two
 * cores, those copies were most of a package's time.
 *
 * <p>Where a stored file begins and ends travels with the block as stream offsets, so a package of 20,000
 * small files still hands over whole blocks, not two per file. Blocks come from a fixed pool and go back to
 * it once both hashers are done with them: memory does not grow with the ZIP, and the writer waits when a
 * hasher is behind.
 */
final class HashingWriter implements AutoCloseable {

    static final int CHUNK = 1 << 20;
    /** Where blocks start in memory: file systems that take writes around their cache need it (see PackageFile). */
    static final int ALIGNMENT = 1 << 16;
    private static final int CHUNKS = 8;

    /** A stored file's bytes begin ({@code file} set) or end ({@code file} null) at this offset of the stream. */
    private record Mark(long offset, SourceFile file) {
    }

    /**
     * Bytes {@code [start, start + length)} of the stream, the marks that fall within them (or at their end),
     * and, for {@link #settle()}, a latch the checker opens once it is done with them.
     */
    private record Block(ByteBuffer bytes, int length, long start, List<Mark> marks, CountDownLatch checked,
                         AtomicInteger pending) {

        /** A view of bytes {@code [from, to)} of this block, with a position and limit of its own. */
        ByteBuffer slice(int from, int to) {
            return bytes.duplicate().limit(to).position(from);
        }
    }

    private static final Block END = new Block(ByteBuffer.allocate(0), 0, -1, List.of(), null, new AtomicInteger());

    private final WritableByteChannel out;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Block> toZipHasher = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<Block> toChecker = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<Block> toChannel = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread zipHasher;
    private final Thread checker;
    private final Thread channelWriter;
    private ByteBuffer current;
    private long written;
    private List<Mark> marks = new ArrayList<>();
    private volatile byte[] digest;
    private volatile String damage;
    private volatile IOException writeFailure;
    private boolean closed;

    HashingWriter(WritableByteChannel out, ThreadFactory threads) {
        this.out = out;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(ByteBuffer.allocateDirect(CHUNK + ALIGNMENT).alignedSlice(ALIGNMENT).limit(CHUNK).slice());
        }
        this.zipHasher = threads.newThread(this::hashZip);
        this.checker = threads.newThread(this::checkStored);
        this.channelWriter = threads.newThread(this::writeBlocks);
        zipHasher.start();
        checker.start();
        channelWriter.start();
    }

    /** Bytes written so far: where the next byte goes in the ZIP. */
    long position() {
        return written;
    }

    /** Writes the bytes remaining in {@code src}, which is left at its limit. */
    void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            ByteBuffer block = block();
            int n = Math.min(src.remaining(), block.remaining());
            block.put(src.slice(src.position(), n));
            src.position(src.position() + n);
            written += n;
            if (!block.hasRemaining()) {
                handOver(null);
            }
        }
    }

    void write(byte[] bytes) throws IOException {
        write(ByteBuffer.wrap(bytes));
    }

    /**
     * Reads up to {@code size} bytes of {@code in} straight into the blocks, which write them, adding them to
     * {@code crc} on the way.
     *
     * @param read told the bytes read so far, after each read
     * @return the bytes read: fewer than {@code size} when {@code in} ended first
     */
    long copy(ReadableByteChannel in, long size, CRC32 crc, LongConsumer read) throws IOException {
        long copied = 0;
        while (copied < size) {
            ByteBuffer block = block();
            int from = block.position();
            int want = (int) Math.min(block.remaining(), size - copied);
            ByteBuffer target = block.duplicate().limit(from + want);
            int n = in.read(target);
            if (n < 0) {
                break;
            }
            crc.update(block.duplicate().limit(from + n).position(from));
            block.position(from + n);
            copied += n;
            written += n;
            read.accept(n);
            if (!block.hasRemaining()) {
                handOver(null);
            }
        }
        return copied;
    }

    /** The bytes written next, until {@link #endStored()}, are {@code file}'s and must hash to its recorded digest. */
    void beginStored(SourceFile file) {
        failIfDamaged();
        marks.add(new Mark(written, file));
    }

    void endStored() {
        marks.add(new Mark(written, null));
    }

    /**
     * Waits until the checker has caught up with everything written, then fails if a stored file did not match
     * its record: for a caller that must know before it blames anything else.
     */
    void settle() throws IOException {
        CountDownLatch checked = new CountDownLatch(1);
        handOver(checked);
        try {
            checked.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hashers");
        }
        failIfDamaged();
    }

    /**
     * Writes what is left, waits for the writes and the hashes, and fails when a write failed or a stored file
     * did not match its record (the caller then discards the file). The channel is the caller's to close.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            handOver(null);
        } finally {
            put(toZipHasher, END);
            put(toChecker, END);
            put(toChannel, END);
            try {
                zipHasher.join();
                checker.join();
                channelWriter.join();
            } catch (InterruptedException e) {
                zipHasher.interrupt();
                checker.interrupt();
                channelWriter.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing the package");
            }
        }
        failIfWriteFailed();
        failIfDamaged();
    }

    /** The SHA-256 of everything written, once closed. */
    byte[] digest() {
        if (digest == null) {
            throw new IllegalStateException("the digest is known once the writer is closed");
        }
        return digest.clone();
    }

    private ByteBuffer block() throws IOException {
        if (current == null) {
            current = take();
            current.clear();
        }
        return current;
    }

    /** Passes the current block on to be written and hashed; an empty one too when it carries marks or a latch. */
    private void handOver(CountDownLatch checked) throws IOException {
        failIfWriteFailed();
        failIfDamaged();
        int used = current == null ? 0 : current.position();
        if (used == 0 && marks.isEmpty() && checked == null) {
            return;
        }
        ByteBuffer bytes = block();
        Block block = new Block(bytes, used, written - used, marks, checked, new AtomicInteger(3));
        put(toChannel, block);
        put(toZipHasher, block);
        put(toChecker, block);
        current = null;
        marks = new ArrayList<>();
    }

    private void failIfDamaged() {
        if (damage != null) {
            throw new IllegalStateException(damage);
        }
    }

    private void failIfWriteFailed() throws IOException {
        IOException failure = writeFailure;
        if (failure != null) {
            throw new IOException("writing the package failed: " + failure.getMessage(), failure);
        }
    }

    /** Writes the blocks in order; after a failure only hands them back, so the other threads never wait. */
    private void writeBlocks() {
        try {
            while (true) {
                Block block = toChannel.take();
                if (block == END) {
                    return;
                }
                if (writeFailure == null) {
                    try {
                        ByteBuffer pending = block.slice(0, block.length());
                        while (pending.hasRemaining()) {
                            out.write(pending);
                        }
                    } catch (IOException e) {
                        writeFailure = e;
                    }
                }
                release(block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hashZip() {
        MessageDigest sha = HashedFile.digester();
        try {
            while (true) {
                Block block = toZipHasher.take();
                if (block == END) {
                    digest = sha.digest();
                    return;
                }
                sha.update(block.slice(0, block.length()));
                release(block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hashes the bytes between each begin and end mark; a stored file may span any number of blocks. */
    private void checkStored() {
        MessageDigest fileSha = HashedFile.digester();
        SourceFile checking = null;
        try {
            while (true) {
                Block block = toChecker.take();
                if (block == END) {
                    return;
                }
                int from = 0;
                for (Mark mark : block.marks()) {
                    int at = (int) (mark.offset() - block.start());
                    if (checking != null) {
                        fileSha.update(block.slice(from, at));
                    }
                    from = at;
                    if (mark.file() != null) {
                        checking = mark.file();
                        fileSha.reset();
                    } else {
                        compare(checking, fileSha.digest());
                        checking = null;
                    }
                }
                if (checking != null) {
                    fileSha.update(block.slice(from, block.length()));
                }
                release(block);
                if (block.checked() != null) {
                    block.checked().countDown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void compare(SourceFile file, byte[] actual) {
        String hex = HexFormat.of().formatHex(actual);
        if (!hex.equals(file.sha256()) && damage == null) {
            damage = "stored file " + file.originalName() + " (" + file.location() + ") hashes to " + hex
                    + ", not to the recorded " + file.sha256() + ": the blob store is damaged; no package is made from it";
        }
    }

    private void release(Block block) throws InterruptedException {
        if (block.pending().decrementAndGet() == 0) {
            free.put(block.bytes());
        }
    }

    private static void put(BlockingQueue<Block> queue, Block block) throws IOException {
        try {
            queue.put(block);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to a hasher");
        }
    }

    private ByteBuffer take() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hashers");
        }
    }
}
