package io.tracegate.platform.blob;

import io.tracegate.platform.failure.UploadRejected;
import io.tracegate.platform.failure.UploadRejected.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Streams bodies into {@code <root>/staging}, checks their SHA-256 against what the client declared, and
 * moves them atomically to {@code <root>/sha256/<aa>/<bb>/<hex>}. Storage paths come only from digests,
 * never from client file names. Memory use is a few fixed buffers, whatever the size of the body.
 */
public class BlobStore {

    private final Path root;
    private final Path staging;
    private final Path objects;
    private final BlobPins pins = new BlobPins();

    public BlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve("staging");
        this.objects = this.root.resolve("sha256");
        try {
            Files.createDirectories(staging);
            Files.createDirectories(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob store under " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Holds {@code digest} against the sweeper until the pin is closed: taken before a blob is stored and
     * closed after the row that claims it committed, so the blob cannot be swept in between ({@link BlobPins}).
     */
    public Pin pin(Sha256 digest) {
        return pins.pin(digest);
    }

    /** A digest held against the sweeper until closed. */
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Stores the body if it hashes to {@code expected} and fits {@code maxBytes}. When the store already has a
     * file of that name, the verified new copy replaces it: the old one may be a crash's orphan damaged since,
     * and a rename costs less than hashing it again. The body is read in full either way, so the caller has
     * proven it holds the bytes.
     *
     * @param declaredLength the Content-Length the client announced, or -1 when chunked
     */
    public StoredBlob store(InputStream body, Sha256 expected, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw new UploadRejected(Reason.TOO_LARGE, "body",
                    "declared " + declaredLength + " bytes, the limit is " + maxBytes);
        }
        Path temp = staging.resolve(UUID.randomUUID() + ".part");
        try {
            StoredBlob blob = writeAndCheck(body, temp, expected, declaredLength, maxBytes);
            publish(temp, expected);
            return blob;
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Publishes a file this application wrote into the staging area itself (an audit package's ZIP) by
     * renaming it, instead of reading it back through {@link #store}: that read, hash and copy cost as much as
     * writing the ZIP once more. The caller vouches for the digest, which it computed over the bytes as it
     * wrote them; the size is checked. The file is fsynced before it becomes visible, as an upload is, and
     * replaces a file of the same name (which may be damaged), as an upload does.
     */
    public StoredBlob adopt(Path staged, Sha256 digest, long size) {
        Path file = staged.toAbsolutePath().normalize();
        if (!staging.equals(file.getParent())) {
            throw new IllegalArgumentException(file + " is not in the blob store's staging area " + staging);
        }
        try {
            long actual = Files.size(file);
            if (actual != size) {
                throw new IllegalStateException(file + " has " + actual + " bytes, not the " + size + " it was written with");
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            publish(file, digest);
            return new StoredBlob(digest, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + file + " as blob " + digest, e);
        } finally {
            deleteQuietly(file);
        }
    }

    private StoredBlob writeAndCheck(InputStream body, Path temp, Sha256 expected, long declaredLength, long maxBytes) {
        MessageDigest sha = sha256();
        // Cheap beside the SHA-256 (an intrinsic), and it spares an audit package a second read of the file.
        CRC32 crc = new CRC32();
        long size = 0;
        try (StagingFile out = new StagingFile(temp)) {
            while (true) {
                byte[] chunk = out.nextChunk();
                int n = fill(body, chunk, size, declaredLength);
                if (n == 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new UploadRejected(Reason.TOO_LARGE, "body", "body exceeds the limit of " + maxBytes + " bytes");
                }
                sha.update(chunk, 0, n);
                crc.update(chunk, 0, n);
                out.write(chunk, n);
            }
            if (declaredLength >= 0 && size != declaredLength) {
                throw truncated(size, declaredLength);
            }
            // Durable before it can become visible: a crash after the rename must not expose a torn file.
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the blob store staging area", e);
        }
        Sha256 actual = Sha256.of(sha.digest());
        if (!actual.equals(expected)) {
            throw new UploadRejected(Reason.DIGEST_MISMATCH, "sha256",
                    "declared sha256 " + expected + " but the " + size + " bytes received hash to " + actual);
        }
        return new StoredBlob(expected, size, OptionalLong.of(crc.getValue()));
    }

    /**
     * Fills the chunk as far as the body allows (servlet streams hand out a few KiB per read; hashing and
     * writing whole chunks is what makes this fast). A broken connection is the client's fault, not ours.
     *
     * @return the bytes read, 0 at the end of the body
     */
    private static int fill(InputStream body, byte[] chunk, long soFar, long declaredLength) {
        int filled = 0;
        try {
            while (filled < chunk.length) {
                int n = body.read(chunk, filled, chunk.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled;
        } catch (IOException e) {
            throw truncated(soFar + filled, declaredLength);
        }
    }

    private static UploadRejected truncated(long received, long declared) {
        String expected = declared >= 0 ? " of " + declared : "";
        return new UploadRejected(Reason.TRUNCATED, "body",
                "upload ended after " + received + expected + " bytes; nothing was stored");
    }

    /**
     * Renames the verified file into place, replacing one of the same name: readers that opened the old file
     * keep reading it, new readers get the verified bytes, and no moment sees the name missing.
     */
    private void publish(Path temp, Sha256 digest) {
        Path target = pathOf(digest);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                throw new IllegalStateException("the blob store needs a file system whose atomic rename replaces", e);
            }
            fsyncDirectory(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish blob " + digest, e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    public boolean contains(Sha256 digest) {
        return Files.isRegularFile(pathOf(digest));
    }

    public Optional<Path> locate(Sha256 digest) {
        Path path = pathOf(digest);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Where the blob of a recorded file is. A row without its blob is a broken store, not a client error,
     * so its absence is an {@link IllegalStateException} naming what was looked for.
     *
     * @param what the record that claims the blob, for the message, e.g. {@code "artifact 12"}
     */
    public Path existing(Sha256 digest, String what) {
        return locate(digest).orElseThrow(() -> new IllegalStateException(
                "blob " + digest + " of " + what + " is missing from the blob store"));
    }

    Path pathOf(Sha256 digest) {
        String hex = digest.hex();
        return objects.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /** Writes and removes a probe file: the readiness check's proof that the store is writable. */
    public void probeWritable() throws IOException {
        Path probe = Files.createTempFile(staging, "probe-", ".tmp");
        Files.delete(probe);
    }

    /**
     * Removes staging leftovers and stored blobs that no database row claims, both older than
     * {@code minAge} so that uploads in flight are never touched; a blob whose digest an upload has pinned is
     * left alone, and uploads of a digest wait while its file is being removed.
     *
     * @return the blobs and temp files removed
     */
    public List<Path> sweep(Predicate<Sha256> isRecorded, Duration minAge, Instant now) {
        List<Path> removed = new ArrayList<>();
        Instant cutoff = now.minus(minAge);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(staging)) {
            for (Path temp : temps) {
                if (olderThan(temp, cutoff) && deleteQuietly(temp)) {
                    removed.add(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(objects)) {
            files.filter(Files::isRegularFile)
                 .filter(path -> path.getFileName().toString().matches("[0-9a-f]{64}"))
                 .filter(path -> olderThan(path, cutoff))
                 .forEach(path -> {
                     Sha256 digest = new Sha256(path.getFileName().toString());
                     // Age and row asked again while uploads of the digest wait: one may have stored it since.
                     if (pins.removeUnlessPinned(digest, () -> olderThan(path, cutoff) && !isRecorded.test(digest)
                             && deleteQuietly(path))) {
                         removed.add(path);
                     }
                 });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static boolean olderThan(Path path, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean deleteQuietly(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
