package io.tracegate.platform.blob;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper against an upload of the same bytes, with latches at the seams so that each interleaving is
 * forced rather than hoped for: "no row, so delete" must never remove a blob an upload is about to record.
 * Afterwards every recorded digest must have its file, with bytes that hash to it (checked by hashing again).
 */
class BlobSweepRaceTest {

    private static final byte[] BODY = "a TensorRT calibration cache".getBytes(StandardCharsets.UTF_8);
    /** Every blob counts as old, so only the race decides what the sweeper may remove. */
    private static final Duration NO_GRACE = Duration.ZERO;

    @TempDir
    Path root;

    private BlobStore store;
    private UploadProtocol protocol;
    private Sha256 digest;
    private final Set<Sha256> recorded = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void open() throws Exception {
        store = new BlobStore(root);
        protocol = new UploadProtocol(store, new UploadSlots(4, 4), () -> "sam", 1 << 20);
        digest = Sha256.of(MessageDigest.getInstance("SHA-256").digest(BODY));
    }

    @Test
    void aBlobStoredButNotYetRecordedIsNotSwept() throws Exception {
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch swept = new CountDownLatch(1);
        CompletableFuture<UploadProtocol.Uploaded<String>> upload = CompletableFuture.supplyAsync(() ->
                protocol.upload(new ByteArrayInputStream(BODY), digest, BODY.length, Optional::empty, blob -> {
                    stored.countDown(); // in the store, its row not written yet
                    await(swept);
                    return () -> {
                        recorded.add(blob.sha256());
                        return "row";
                    };
                }));
        assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();

        List<Path> removed = store.sweep(recorded::contains, NO_GRACE, Instant.now().plus(Duration.ofDays(1)));
        swept.countDown();

        assertThat(upload.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(removed).as("the upload's blob was swept before its row was written").isEmpty();
        assertEveryRecordedBlobIsIntact();
    }

    @Test
    void anUploadArrivingWhileTheSweeperRemovesTheSameOrphanStoresItsOwnCopy() throws Exception {
        Path orphan = store.pathOf(digest);
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, BODY);
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicReference<List<Path>> removed = new AtomicReference<>();
        Thread sweeper = new Thread(() -> removed.set(store.sweep(d -> {
            boolean claimed = recorded.contains(d); // read before the upload records: the stale answer
            asked.countDown();
            await(answer);
            return claimed;
        }, NO_GRACE, Instant.now())));
        sweeper.start();
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

        Thread uploader = new Thread(() -> protocol.upload(new ByteArrayInputStream(BODY), digest, BODY.length,
                Optional::empty, blob -> () -> {
                    recorded.add(blob.sha256());
                    return "row";
                }));
        uploader.start();
        // Either the upload finishes (nothing holds it back) or it waits for the sweeper to be done with the digest.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (uploader.getState() != Thread.State.TERMINATED && uploader.getState() != Thread.State.WAITING
                && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        answer.countDown();
        sweeper.join(10_000);
        uploader.join(10_000);

        assertThat(removed.get()).containsExactly(orphan);
        assertThat(recorded).containsExactly(digest);
        assertEveryRecordedBlobIsIntact();
    }

    private void assertEveryRecordedBlobIsIntact() throws Exception {
        for (Sha256 each : recorded) {
            Path file = store.pathOf(each);
            assertThat(file).as("the file of recorded blob " + each).isRegularFile();
            assertThat(Sha256.of(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))).isEqualTo(each);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
