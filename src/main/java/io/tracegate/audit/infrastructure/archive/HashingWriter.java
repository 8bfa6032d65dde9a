package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes the ZIP to its file in 1 MiB blocks and computes, on a second thread, the SHA-256 of everything
 * written and of each stored file's bytes within it, which must be the digest the database recorded at
 * upload. Both hashes run beside the writing thread instead of on it: that thread already reads, copies
 * and writes every byte, and on two cores the work is then split about evenly. Blocks are handed over from
 * a fixed pool, so memory does not grow with the ZIP, and the writer waits when the hasher is behind. The
 * ZIP library writes its headers a byte at a time; they are gathered into the blocks too.
 */
final class HashingWriter extends OutputStream {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 8;

    private record Chunk(byte[] bytes, int length) {
    }

    /** From here until {@link #CHECKED}, the bytes are those of this stored file. */
    private record Checking(SourceFile file) {
    }

    private static final Object CHECKED = new Object();
    private static final Object END = new Object();

    private final OutputStream out;
    private final MessageDigest sha = HashedFile.digester();
    private final MessageDigest fileSha = HashedFile.digester();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Object> filled = new ArrayBlockingQueue<>(CHUNKS * 2);
    private final Thread hasher;
    private byte[] current;
    private int used;
    private volatile byte[] digest;
    private volatile String damage;
    private boolean closed;

    HashingWriter(OutputStream out) {
        this.out = out;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        this.hasher = new Thread(this::hash, "package-sha256");
        this.hasher.setDaemon(true);
        this.hasher.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (current == null) {
            current = take();
        }
        current[used++] = (byte) b;
        if (used == CHUNK) {
            handOver();
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
            off += n;
            len -= n;
            if (used == CHUNK) {
                handOver();
            }
        }
    }

    /** The bytes written next, until {@link #endStored()}, are {@code file}'s and must hash to its recorded digest. */
    void beginStored(SourceFile file) throws IOException {
        handOver();
        put(new Checking(file));
    }

    void endStored() throws IOException {
        handOver();
        put(CHECKED);
    }

    /**
     * Waits until the hasher has caught up with everything written, then fails if a stored file did not match
     * its record: for a caller that must know before it blames anything else.
     */
    void settle() throws IOException {
        handOver();
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        put(reached);
        try {
            reached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hasher");
        }
        failIfDamaged();
    }

    @Override
    public void flush() throws IOException {
        handOver();
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
            handOver();
            out.close();
        } finally {
            put(END);
            try {
                hasher.join();
            } catch (InterruptedException e) {
                hasher.interrupt();
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

    private void handOver() throws IOException {
        failIfDamaged();
        if (current == null || used == 0) {
            return;
        }
        out.write(current, 0, used);
        put(new Chunk(current, used));
        current = null;
        used = 0;
    }

    private void failIfDamaged() {
        if (damage != null) {
            throw new IllegalStateException(damage);
        }
    }

    private void hash() {
        SourceFile checking = null;
        try {
            while (true) {
                Object next = filled.take();
                if (next == END) {
                    digest = sha.digest();
                    return;
                }
                if (next instanceof java.util.concurrent.CountDownLatch reached) {
                    reached.countDown();
                } else if (next instanceof Checking c) {
                    checking = c.file();
                    fileSha.reset();
                } else if (next == CHECKED) {
                    String actual = HexFormat.of().formatHex(fileSha.digest());
                    if (!actual.equals(checking.sha256()) && damage == null) {
                        damage = "stored file " + checking.originalName() + " (" + checking.location() + ") hashes to "
                                + actual + ", not to the recorded " + checking.sha256()
                                + ": the blob store is damaged; no package is made from it";
                    }
                    checking = null;
                } else {
                    Chunk chunk = (Chunk) next;
                    sha.update(chunk.bytes(), 0, chunk.length());
                    if (checking != null) {
                        fileSha.update(chunk.bytes(), 0, chunk.length());
                    }
                    free.put(chunk.bytes());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) throws IOException {
        try {
            filled.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the hasher");
        }
    }

    private byte[] take() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hasher");
        }
    }
}
