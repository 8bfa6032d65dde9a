package io.tracegate.platform.blob;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A temp file written by a background thread while the request thread reads and hashes the next chunk,
 * so network, SHA-256 and disk overlap on separate cores. A third thread flushes what is written every
 * 32 MiB while writing goes on, which keeps the final fsync short instead of flushing gigabytes at the
 * end without ever making the writer wait for the disk. Memory is a fixed pool of
 * sixteen 1 MiB chunks (enough to keep reading while a flush runs), whatever the file size.
 */
final class StagingFile implements AutoCloseable {

    static final int CHUNK = 1 << 20;
    static final int CHUNKS = 16;
    private static final long FLUSH_EVERY = 32L << 20;

    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final FileChannel channel;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread writer;
    private final Thread flusher;
    private final Semaphore flushRequests = new Semaphore(0);
    private volatile boolean flushing = true;
    private volatile IOException failure;

    StagingFile(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        this.writer = new Thread(this::drain, "blob-writer-" + path.getFileName());
        this.writer.setDaemon(true);
        this.flusher = new Thread(this::flushWhileWriting, "blob-flusher-" + path.getFileName());
        this.flusher.setDaemon(true);
        this.writer.start();
        this.flusher.start();
    }

    /** An empty chunk to fill; blocks while the disk is behind (back-pressure on the client). */
    byte[] nextChunk() throws IOException {
        rethrow();
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the disk");
        }
    }

    void write(byte[] chunk, int length) throws IOException {
        rethrow();
        try {
            filled.put(new Chunk(chunk, length));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing data to the disk");
        }
    }

    /** Waits for every chunk to be written, then fsyncs: after this the bytes are durable. */
    void finish() throws IOException {
        stopWriter();
        stopFlusher();
        rethrow();
        channel.force(true);
    }

    private void drain() {
        long sinceFlush = 0;
        try {
            while (true) {
                Chunk chunk = filled.take();
                if (chunk == END) {
                    return;
                }
                ByteBuffer buffer = ByteBuffer.wrap(chunk.bytes(), 0, chunk.length());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                sinceFlush += chunk.length();
                if (sinceFlush >= FLUSH_EVERY) {
                    flushRequests.release();
                    sinceFlush = 0;
                }
                free.put(chunk.bytes());
            }
        } catch (IOException e) {
            failure = e;
            free.offer(new byte[CHUNK]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushWhileWriting() {
        try {
            while (flushing) {
                flushRequests.acquire();
                flushRequests.drainPermits();
                if (flushing) {
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopFlusher() {
        flushing = false;
        flushRequests.release();
        try {
            flusher.join();
        } catch (InterruptedException e) {
            flusher.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void stopWriter() throws IOException {
        try {
            if (writer.isAlive()) {
                filled.put(END);
            }
            writer.join();
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while finishing the write");
        }
    }

    private void rethrow() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        stopFlusher();
        if (writer.isAlive()) {
            writer.interrupt();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.close();
    }
}
