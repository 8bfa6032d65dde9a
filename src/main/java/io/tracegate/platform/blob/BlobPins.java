package io.tracegate.platform.blob;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keeps the sweeper and the uploads of one digest apart. An upload pins its digest from before its bytes reach
 * the store until its row is committed (or it failed), and the sweeper leaves a pinned digest alone; while the
 * sweeper decides about a digest and removes its file, an upload of it waits to pin it, then stores its own copy.
 * So "no row, so delete" cannot remove a blob whose row is about to be written. Within one server process: an
 * instance sharing the store relies on the sweep's grace period, which every replacing rename starts afresh.
 */
final class BlobPins {

    private final Map<Sha256, Integer> pinned = new HashMap<>();
    private final Set<Sha256> sweeping = new HashSet<>();

    synchronized BlobStore.Pin pin(Sha256 digest) {
        boolean interrupted = false;
        while (sweeping.contains(digest)) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the sweep of one file takes milliseconds: finish waiting, keep the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        pinned.merge(digest, 1, Integer::sum);
        return () -> release(digest);
    }

    private synchronized void release(Sha256 digest) {
        pinned.computeIfPresent(digest, (d, count) -> count == 1 ? null : count - 1);
    }

    /**
     * Runs {@code removal} for an unpinned digest while keeping uploads of it waiting.
     *
     * @return what the removal answered, or {@code false} without running it when the digest is pinned
     */
    boolean removeUnlessPinned(Sha256 digest, BooleanSupplier removal) {
        synchronized (this) {
            if (pinned.containsKey(digest)) {
                return false;
            }
            sweeping.add(digest);
        }
        try {
            return removal.getAsBoolean();
        } finally {
            synchronized (this) {
                sweeping.remove(digest);
                notifyAll();
            }
        }
    }
}
