package io.tracegate.platform.blob;

import io.tracegate.platform.failure.UploadRejected;
import io.tracegate.platform.failure.UploadRejected.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobStoreTest {

    private static final long MAX = 1 << 20;

    @TempDir
    Path root;

    private BlobStore store;

    @BeforeEach
    void openStore() {
        store = new BlobStore(root);
    }

    @Test
    void storeKeepsTheBodyUnderItsDigestWithTheSameContentAndTellsItsCrc32() throws IOException {
        byte[] body = "an onnx model".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);

        StoredBlob stored = store.store(new ByteArrayInputStream(body), digest, body.length, MAX);

        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        assertThat(stored).isEqualTo(new StoredBlob(digest, body.length, java.util.OptionalLong.of(crc.getValue())));
        assertThat(store.contains(digest)).isTrue();
        Path located = store.locate(digest).orElseThrow();
        assertThat(Files.readAllBytes(located)).isEqualTo(body);
    }

    @Test
    void adoptRenamesAStagedFileIntoPlaceWithoutCopyingIt() throws IOException {
        byte[] body = "an audit package".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);
        Path staged = Files.write(root.resolve("staging").resolve("package-1.zip"), body);
        Object inode = Files.readAttributes(staged, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        StoredBlob stored = store.adopt(staged, digest, body.length);

        assertThat(stored).isEqualTo(new StoredBlob(digest, body.length));
        Path located = store.locate(digest).orElseThrow();
        assertThat(Files.readAllBytes(located)).isEqualTo(body);
        assertThat(Files.readAttributes(located, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(inode);
        assertThat(staged).doesNotExist();
    }

    @Test
    void adoptDropsTheStagedFileWhenTheStoreHasTheContentAlready() throws IOException {
        byte[] body = "the same package again".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);
        store.store(new ByteArrayInputStream(body), digest, body.length, MAX);
        Path staged = Files.write(root.resolve("staging").resolve("package-2.zip"), body);

        assertThat(store.adopt(staged, digest, body.length)).isEqualTo(new StoredBlob(digest, body.length));

        assertThat(staged).doesNotExist();
        assertThat(Files.readAllBytes(store.locate(digest).orElseThrow())).isEqualTo(body);
    }

    @Test
    void aDamagedCopyAlreadyInTheStoreIsReplacedByTheUploadedBytes() throws IOException {
        byte[] body = "the calibration cache".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);
        Path planted = store.pathOf(digest);
        Files.createDirectories(planted.getParent());
        Files.write(planted, "the calibration cachf".getBytes(StandardCharsets.UTF_8)); // a crash's orphan, damaged since

        store.store(new ByteArrayInputStream(body), digest, body.length, MAX);

        assertThat(digestOf(Files.readAllBytes(store.locate(digest).orElseThrow())))
                .as("the store serves bytes that hash to their name").isEqualTo(digest);
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aDamagedCopyAlreadyInTheStoreIsReplacedByAnAdoptedFile() throws IOException {
        byte[] body = "an audit package".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);
        Path planted = store.pathOf(digest);
        Files.createDirectories(planted.getParent());
        Files.write(planted, new byte[body.length]);
        Path staged = Files.write(root.resolve("staging").resolve("package-4.zip"), body);

        store.adopt(staged, digest, body.length);

        assertThat(digestOf(Files.readAllBytes(store.locate(digest).orElseThrow()))).isEqualTo(digest);
        assertThat(staged).doesNotExist();
    }

    @Test
    void adoptRefusesFilesOutsideTheStagingAreaAndFilesOfAnotherSize() throws IOException {
        byte[] body = "package".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);
        Path outside = Files.write(root.resolve("elsewhere.zip"), body);
        Path staged = Files.write(root.resolve("staging").resolve("package-3.zip"), body);

        assertThatThrownBy(() -> store.adopt(outside, digest, body.length)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staging");
        assertThatThrownBy(() -> store.adopt(staged, digest, body.length + 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bytes");

        assertThat(outside).exists();
        assertThat(staged).doesNotExist();
        assertThat(store.contains(digest)).isFalse();
    }

    @Test
    void storeAcceptsAChunkedBodyWithinTheLimit() throws IOException {
        byte[] body = new byte[3 * (1 << 20) / 2];
        body[body.length - 1] = 7;
        Sha256 digest = digestOf(body);

        StoredBlob stored = store.store(new ByteArrayInputStream(body), digest, -1, 2L << 20);

        assertThat(stored.size()).isEqualTo(body.length);
        assertThat(Files.readAllBytes(store.locate(digest).orElseThrow())).isEqualTo(body);
    }

    @Test
    void storeKeepsTheSameContentOnlyOnce() throws IOException {
        byte[] body = "same bytes".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);

        store.store(new ByteArrayInputStream(body), digest, body.length, MAX);
        store.store(new ByteArrayInputStream(body), digest, body.length, MAX);

        assertThat(storedFiles()).hasSize(1);
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void storeRefusesABodyWhoseDigestDiffersAndKeepsNothing() throws IOException {
        byte[] body = "real content".getBytes(StandardCharsets.UTF_8);
        Sha256 declared = digestOf("other content".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(body), declared, body.length, MAX))
                .isInstanceOfSatisfying(UploadRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DIGEST_MISMATCH);
                    assertThat(e.field()).isEqualTo("sha256");
                });
        assertThat(store.contains(declared)).isFalse();
        assertThat(store.contains(digestOf(body))).isFalse();
        assertNothingKept();
    }

    @Test
    void storeRefusesABodyShorterThanDeclaredAsTruncatedAndKeepsNothing() throws IOException {
        byte[] body = "cut short".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(body), digest, body.length + 10, MAX))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        assertNothingKept();
    }

    @Test
    void storeTreatsABrokenClientStreamAsTruncatedAndKeepsNothing() throws IOException {
        byte[] prefix = new byte[1000];
        AtomicBoolean failed = new AtomicBoolean();
        InputStream breaking = new InputStream() {
            private final InputStream start = new ByteArrayInputStream(prefix);

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = start.read(b, off, len);
                if (n > 0) {
                    return n;
                }
                failed.set(true);
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> store.store(breaking, digestOf(new byte[5000]), 5000, MAX))
                .isInstanceOfSatisfying(UploadRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.getMessage()).contains("1000");
                });
        assertThat(failed).isTrue();
        assertNothingKept();
    }

    @Test
    void storeRefusesADeclaredLengthAboveTheLimitWithoutReadingTheBody() throws IOException {
        AtomicBoolean read = new AtomicBoolean();
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                read.set(true);
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                read.set(true);
                return -1;
            }
        };

        assertThatThrownBy(() -> store.store(untouchable, digestOf(new byte[0]), MAX + 1, MAX))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(read).isFalse();
        assertNothingKept();
    }

    @Test
    void storeRefusesAChunkedBodyThatGrowsPastTheLimitAndKeepsNothing() throws IOException {
        byte[] body = new byte[4096];
        Sha256 digest = digestOf(body);

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(body), digest, -1, 1000))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertNothingKept();
    }

    @Test
    void sweepRemovesOldOrphansAndOldStagingFilesButKeepsClaimedAndYoungFiles() throws IOException {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        FileTime old = FileTime.from(now.minus(Duration.ofHours(2)));
        FileTime young = FileTime.from(now.minus(Duration.ofMinutes(5)));

        Path claimedOld = put("claimed", old);
        Path orphanOld = put("orphan", old);
        Path orphanYoung = put("in flight", young);
        Path staleStaging = Files.write(root.resolve("staging").resolve("stale.part"), new byte[]{1});
        Files.setLastModifiedTime(staleStaging, old);
        Path liveStaging = Files.write(root.resolve("staging").resolve("live.part"), new byte[]{2});
        Files.setLastModifiedTime(liveStaging, young);
        Set<String> claimed = Set.of(claimedOld.getFileName().toString());

        List<Path> removed = store.sweep(digest -> claimed.contains(digest.hex()), Duration.ofHours(1), now);

        assertThat(removed).containsExactlyInAnyOrder(orphanOld, staleStaging);
        assertThat(orphanOld).doesNotExist();
        assertThat(staleStaging).doesNotExist();
        assertThat(claimedOld).exists();
        assertThat(orphanYoung).exists();
        assertThat(liveStaging).exists();
    }

    @Test
    void storagePathDerivesOnlyFromTheDigest() {
        Sha256 digest = new Sha256("ab" + "cd" + "0".repeat(60));

        Path path = store.pathOf(digest);

        assertThat(path).isEqualTo(root.toAbsolutePath().normalize()
                .resolve("sha256").resolve("ab").resolve("cd").resolve(digest.hex()));
        assertThat(new BlobStore(root).pathOf(digest)).isEqualTo(path);
    }

    @Test
    void locateFindsNothingForContentNeverStored() {
        assertThat(store.locate(digestOf(new byte[]{42}))).isEmpty();
        assertThat(store.contains(digestOf(new byte[]{42}))).isFalse();
    }

    @Test
    void existingNamesTheRecordWhoseBlobIsMissing() throws IOException {
        Path stored = put("kept", FileTime.from(Instant.now()));
        Sha256 kept = new Sha256(stored.getFileName().toString());

        assertThat(store.existing(kept, "artifact 7")).isEqualTo(stored);
        assertThatThrownBy(() -> store.existing(digestOf(new byte[]{42}), "artifact 8"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("of artifact 8 is missing from the blob store");
    }

    private Path put(String content, FileTime mtime) throws IOException {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        Sha256 digest = digestOf(body);
        store.store(new ByteArrayInputStream(body), digest, body.length, MAX);
        Path path = store.locate(digest).orElseThrow();
        Files.setLastModifiedTime(path, mtime);
        return path;
    }

    private void assertNothingKept() throws IOException {
        assertThat(stagingFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    private List<Path> stagingFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("staging"))) {
            return files.toList();
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Sha256 digestOf(byte[] bytes) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
