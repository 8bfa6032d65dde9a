package io.tracegate.trail.domain;

import java.util.Objects;

/** The end of the chain: the last event's sequence number and hash ({@link #EMPTY} before the first event). */
public record ChainHead(long seq, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, AuditChain.GENESIS_HASH);

    public ChainHead {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be 0 or more");
        }
        Objects.requireNonNull(hash, "hash");
    }
}
