package io.tracegate.release.domain;

import java.util.Objects;

/**
 * A release reached APPROVED in this review round over this manifest digest. Published once the approving
 * transaction has committed, so whoever reacts (the audit package frozen at approval) sees the approved state.
 */
public record ReleaseApproved(long releaseId, int reviewRound, String manifestDigest) {

    public ReleaseApproved {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
    }
}
