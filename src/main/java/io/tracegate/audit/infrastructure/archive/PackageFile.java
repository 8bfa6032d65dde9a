package io.tracegate.audit.infrastructure.archive;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The package's ZIP on disk, written sequentially, around the page cache where the file system allows it
 * ({@code O_DIRECT}). The ZIP is written once and then only published (fsynced and renamed): its bytes must
 * reach the disk before the package is recorded anyway, and passing them through the page cache first
 * copies every byte once more into memory the kernel must find for gigabytes, evicting the evidence blobs
 * and database pages that are read again. On this project's build machines, a virtual machine that hands
 * freed memory back to its host, those page-cache writes cost more than all other work on the ZIP together.
 *
 * <p>Only whole blocks at block-aligned positions, from aligned direct buffers, can bypass the cache: the
 * writer's full 1 MiB blocks are written that way; anything else (the last, partial block) is written
 * through the cache. Where the file system refuses {@code O_DIRECT} (tmpfs, some overlays), at opening or at
 * the first such write, everything is.
 */
final class PackageFile implements WritableByteChannel {

    private static final Logger LOG = Logger.getLogger(PackageFile.class.getName());

    /** A write at a given position of the file, as {@link FileChannel#write(ByteBuffer, long)} does it. */
    @FunctionalInterface
    interface PositionalWrite {
        int write(ByteBuffer src, long position) throws IOException;
    }

    private final FileChannel cached;
    private final PositionalWrite direct;
    private final Closeable directChannel;
    private final int alignment;
    private boolean directRefused;
    private long position;

    PackageFile(FileChannel cached, PositionalWrite direct, Closeable directChannel, int alignment) {
        this.cached = cached;
        this.direct = direct;
        this.directChannel = directChannel;
        this.alignment = alignment;
    }

    /** Creates (or empties) {@code file} for writing. */
    static PackageFile create(Path file) throws IOException {
        FileChannel cached = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            int alignment = Math.toIntExact(Files.getFileStore(file).getBlockSize());
            if (Integer.bitCount(alignment) != 1 || alignment > HashingWriter.ALIGNMENT) {
                return new PackageFile(cached, null, null, 0);
            }
            FileChannel direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            return new PackageFile(cached, direct::write, direct, alignment);
        } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
            return new PackageFile(cached, null, null, 0);
        }
    }

    /** Whether whole aligned blocks bypass the page cache on this file system. */
    boolean bypassesCache() {
        return direct != null && !directRefused;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (uncached(src)) {
            int start = src.position();
            long at = position;
            try {
                while (src.hasRemaining()) {
                    position += direct.write(src, position);
                }
                return n;
            } catch (IOException e) {
                // Written again below, through the cache, from where this write began: positions make it idempotent.
                directRefused = true;
                src.position(start);
                position = at;
                LOG.log(Level.INFO, "The file system refused a write around its page cache; the package is written "
                        + "through it", e);
            }
        }
        while (src.hasRemaining()) {
            position += cached.write(src, position);
        }
        return n;
    }

    private boolean uncached(ByteBuffer src) {
        return bypassesCache() && src.isDirect() && position % alignment == 0 && src.remaining() % alignment == 0
                && src.alignmentOffset(src.position(), alignment) == 0;
    }

    @Override
    public boolean isOpen() {
        return cached.isOpen();
    }

    @Override
    public void close() throws IOException {
        try (cached) {
            if (directChannel != null) {
                directChannel.close();
            }
        }
    }
}
