package io.tracegate.platform.blob;

import io.tracegate.platform.failure.Busy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How many uploads may stream at once, server-wide and per account. Each streaming upload holds
 * {@link #BUFFER_BYTES} of heap in its staging buffers, so without a bound, many concurrent uploads run the
 * server out of memory; with one, the rest are told to come back ({@link Busy}, 503 + Retry-After) before a
 * byte of their body is read. The per-account bound keeps one busy CI account from taking every slot.
 */
public final class UploadSlots {

    /** The staging buffers one streaming upload holds (see {@link StagingFile}). */
    public static final long BUFFER_BYTES = (long) StagingFile.CHUNKS * StagingFile.CHUNK;
    /** Retry-After of a refused upload: a slot frees when an upload ends, typically within seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final int serverWide;
    private final int perAccount;
    private final Map<String, Integer> byAccount = new HashMap<>();
    private int inUse;

    public UploadSlots(int serverWide, int perAccount) {
        if (serverWide < 1 || perAccount < 1) {
            throw new IllegalArgumentException("upload slots must be at least 1, not " + serverWide + " / " + perAccount);
        }
        this.serverWide = serverWide;
        this.perAccount = Math.min(perAccount, serverWide);
    }

    /**
     * The default server-wide bound: the uploads whose buffers fit in a quarter of the heap, at least one (the
     * rest of the heap is for everything else the server does meanwhile).
     */
    public static int fittingHeap(long maxHeapBytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeapBytes / 4 / BUFFER_BYTES));
    }

    public int serverWide() {
        return serverWide;
    }

    public int perAccount() {
        return perAccount;
    }

    /** A slot held while one upload streams; closing it frees the slot. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a slot for the account, or refuses at once when the server's or the account's slots are all taken.
     *
     * @throws Busy when no slot is free
     */
    public synchronized Slot take(String account) {
        int mine = byAccount.getOrDefault(account, 0);
        if (mine >= perAccount) {
            throw new Busy("you already have " + mine + " uploads in progress, the most one account may stream at once; "
                    + "retry this one when one of them has finished", RETRY_AFTER);
        }
        if (inUse >= serverWide) {
            throw new Busy("the server is taking " + inUse + " uploads, the most it streams at once; retry shortly",
                    RETRY_AFTER);
        }
        inUse++;
        byAccount.put(account, mine + 1);
        return new Slot() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (UploadSlots.this) {
                    if (!closed) {
                        closed = true;
                        inUse--;
                        byAccount.computeIfPresent(account, (name, n) -> n > 1 ? n - 1 : null);
                    }
                }
            }
        };
    }

    /** Uploads streaming now (for tests and the log). */
    public synchronized int inUse() {
        return inUse;
    }
}
