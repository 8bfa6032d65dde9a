package io.tracegate.platform.blob;

import io.tracegate.platform.persistence.Clash;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every file upload (artifact or evidence) goes, in one place:
 * <ol>
 *   <li>the checks that need no body, which also find an earlier upload of the same file (a retry);</li>
 *   <li>a slot among the uploads streaming at once ({@link UploadSlots}), or a 503 before any byte is read;</li>
 *   <li>the body streamed into the blob store, outside any transaction, so a slow client holds no
 *       connection or lock;</li>
 *   <li>for a retry, the earlier record is the answer; otherwise the stored file is examined (still outside
 *       the transaction) and recorded in one short transaction;</li>
 *   <li>when that transaction clashes with a concurrent upload of the same bytes or file, the lookup runs
 *       again and finds what the other recorded, or the transaction runs once more.</li>
 * </ol>
 * The digest is pinned from before the body is stored until the recording committed, so the sweeper cannot
 * take the blob for an orphan in between; a file already stored under the digest is replaced by the verified
 * copy. If the recording never commits, the blob has no row and the sweeper removes it.
 */
@Dependent
public class UploadProtocol {

    private final BlobStore store;
    private final UploadSlots slots;
    private final Principal caller;
    private final long maxBytes;

    @Inject
    public UploadProtocol(BlobStore store, UploadSlots slots, Principal caller,
                          @ConfigProperty(name = "tracegate.upload.max-bytes") long maxBytes) {
        this.store = store;
        this.slots = slots;
        this.caller = caller;
        this.maxBytes = maxBytes;
    }

    /** What an upload produced, and whether it is new (201) or a retry of an earlier upload (200). */
    public record Uploaded<T>(T record, boolean created) {
    }

    /**
     * Runs the protocol.
     *
     * @param sha256         the digest the client declared; the body must hash to it
     * @param declaredLength the Content-Length, or -1 for a chunked body
     * @param earlier        the checks that need no body (refusing by throwing) and the record of an earlier
     *                       upload of the same file, if any; asked again after a clash
     * @param recording      given the stored blob, examines it outside any transaction and returns the
     *                       recording transaction (run once, or twice after a clash)
     */
    public <T> Uploaded<T> upload(InputStream body, Sha256 sha256, long declaredLength, Supplier<Optional<T>> earlier,
                                  Function<StoredBlob, Supplier<T>> recording) {
        Optional<T> retry = earlier.get();
        // Pinned until the row is committed: the sweeper must not take the blob for an orphan in between.
        try (BlobStore.Pin pinned = store.pin(sha256)) {
            StoredBlob blob;
            try (UploadSlots.Slot slot = slots.take(callerName())) {
                blob = store.store(body, sha256, declaredLength, maxBytes);
            }
            if (retry.isPresent()) {
                return new Uploaded<>(retry.get(), false);
            }
            Supplier<T> transaction = recording.apply(blob);
            // A concurrent upload of the same bytes may claim the blob (or of the same file, record it) first; the
            // retry finds what it recorded.
            return Clash.retried(() -> new Uploaded<>(transaction.get(), true),
                    () -> earlier.get().map(same -> new Uploaded<>(same, false))
                            .orElseGet(() -> new Uploaded<>(transaction.get(), true)));
        }
    }

    private String callerName() {
        String name = caller == null ? null : caller.getName();
        return name == null ? "anonymous" : name;
    }
}
