package io.tracegate.release.domain;

/** Where a release is in its life; only a DRAFT release's content may change. */
public enum ReleaseStatus {
    DRAFT, IN_REVIEW, APPROVED, REJECTED, RELEASED, REVOKED;

    public boolean acceptsContentChanges() {
        return this == DRAFT;
    }
}
