package io.tracegate.audit.infrastructure.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes through to a stream and computes the SHA-256 of everything written on a second thread, so that
 * hashing a ZIP of gigabytes overlaps with reading its entries and writing it instead of adding to them
 * (a {@code DigestOutputStream} hashes on the writing thread). Bytes are handed over in 1 MiB copies from
 * a fixed pool of four: memory does not grow with the size of the ZIP, and the writer waits when the hasher
 * is behind.
 */
final class HashingWriter extends OutputStream {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 4;

    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final OutputStream out;
    private final MessageDigest sha = HashedFile.digester();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread hasher;
    private byte[] current;
    private int used;
    private byte[] digest;
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
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        while (len > 0) {
            if (current == null) {
                current = take(free);
                used = 0;
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

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Closes the stream and waits for the hash of everything written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            if (current != null) {
                handOver();
            }
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
    }

    /** The SHA-256 of everything written, once closed. */
    byte[] digest() {
        if (digest == null) {
            throw new IllegalStateException("the digest is known once the stream is closed");
        }
        return digest.clone();
    }

    private void handOver() throws IOException {
        put(new Chunk(current, used));
        current = null;
        used = 0;
    }

    private void hash() {
        try {
            while (true) {
                Chunk chunk = filled.take();
                if (chunk == END) {
                    digest = sha.digest();
                    return;
                }
                sha.update(chunk.bytes(), 0, chunk.length());
                free.put(chunk.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Chunk chunk) throws IOException {
        try {
            filled.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the hasher");
        }
    }

    private static byte[] take(BlockingQueue<byte[]> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hasher");
        }
    }
}
