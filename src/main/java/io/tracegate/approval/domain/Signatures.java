package io.tracegate.approval.domain;

import java.util.List;

/** Signatures and waivers of releases; append-only. */
public interface Signatures {

    void add(Signature signature);

    void add(Waiver waiver);

    /** Oldest first. */
    List<Signature> ofRelease(long releaseId);

    /** Oldest first. */
    List<Waiver> waiversOf(long releaseId);
}
