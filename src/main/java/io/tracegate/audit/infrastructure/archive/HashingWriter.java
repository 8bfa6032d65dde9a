package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the ZIP to its file in 1 MiB blocks and hashes, on two threads of their own, everything written
 * (the package's SHA-256) and each stored file's bytes within it, which must hash to the digest the database
 * recorded at upload. Neither hash runs on the writing thread, which already reads, copies and writes every
 * byte: the three share two cores about evenly. Where a stored file begins and ends travels with the block
 * as stream offsets, so a package of 20,000 small files still hands over whole blocks, not two per file.
 * Blocks come from a fixed pool and go back to it once both hashers are done with them: memory does not
 * grow with the ZIP, and the writer waits when a hasher is behind. The ZIP library writes its headers a byte
 * at a time; they are gathered into the blocks too.
 */
final class HashingWriter extends OutputStream {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 8;

    /** A stored file's bytes begin ({@code file} set) or end ({@code file} null) at this offset of the stream. */
    private record Mark(long offset, SourceFile file) {
    }

    /**
     * Bytes {@code [start, start + length)} of the stream, the marks that fall within them (or at their end),
     * and, for {@link #settle()}, a latch the checker opens once it is done with them.
     */
    private record Block(byte[] bytes, int length, long start, List<Mark> marks, CountDownLatch checked,
                         AtomicInteger pending) {
    }

    private static final Block END = new Block(new byte[0], 0, -1, List.of(), null, new AtomicInteger());

    private final OutputStream out;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Block> toZipHasher = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<Block> toChecker = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread zipHasher;
    private final Thread checker;
    private byte[] current;
    private int used;
    private long written;
    private List<Mark> marks = new ArrayList<>();
    private volatile byte[] digest;
    private volatile String damage;
    private boolean closed;

    HashingWriter(OutputStream out) {
        this.out = out;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        this.zipHasher = start(this::hashZip, "package-sha256");
        this.checker = start(this::checkStored, "package-check");
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void write(int b) throws IOException {
        if (current == null) {
            current = take();
        }
        current[used++] = (byte) b;
        written++;
        if (used == CHUNK) {
            handOver(null);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (current == null) {
                current = take();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            written += n;
            off += n;
            len -= n;
            if (used == CHUNK) {
                handOver(null);
            }
        }
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

    @Override
    public void flush() throws IOException {
        handOver(null);
        out.flush();
    }

    /**
     * Writes what is left, waits for the hashes, and fails when a stored file did not match its record (the
     * caller then discards the file).
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            handOver(null);
            out.close();
        } finally {
            put(toZipHasher, END);
            put(toChecker, END);
            try {
                zipHasher.join();
                checker.join();
            } catch (InterruptedException e) {
                zipHasher.interrupt();
                checker.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing the package");
            }
        }
        failIfDamaged();
    }

    /** The SHA-256 of everything written, once closed. */
    byte[] digest() {
        if (digest == null) {
            throw new IllegalStateException("the digest is known once the stream is closed");
        }
        return digest.clone();
    }

    /** Writes the current block and passes it on; an empty one too when it carries marks or a latch. */
    private void handOver(CountDownLatch checked) throws IOException {
        failIfDamaged();
        if (used == 0 && marks.isEmpty() && checked == null) {
            return;
        }
        byte[] bytes = current == null ? take() : current;
        if (used > 0) {
            out.write(bytes, 0, used);
        }
        Block block = new Block(bytes, used, written - used, marks, checked, new AtomicInteger(2));
        put(toZipHasher, block);
        put(toChecker, block);
        current = null;
        used = 0;
        marks = new ArrayList<>();
    }

    private void failIfDamaged() {
        if (damage != null) {
            throw new IllegalStateException(damage);
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
                sha.update(block.bytes(), 0, block.length());
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
                        fileSha.update(block.bytes(), from, at - from);
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
                    fileSha.update(block.bytes(), from, block.length() - from);
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

    private byte[] take() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hashers");
        }
    }
}
