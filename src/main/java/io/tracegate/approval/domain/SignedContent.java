package io.tracegate.approval.domain;

import io.tracegate.release.domain.Release;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;

/**
 * What every electronic signature record binds (21 CFR Part 11 §11.50/§11.70): the release, the review round
 * and manifest digest signed, the signer's id and printed name, and the UTC time. Shared by signatures and
 * waivers, which add their meaning; a record speaks for the release only while its round and digest are current.
 */
@Embeddable
public class SignedContent {

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(name = "manifest_digest", nullable = false, length = 64)
    private String manifestDigest;

    @Column(nullable = false, length = 64)
    private String signer;

    @Column(name = "printed_name", nullable = false, length = 200)
    private String printedName;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    protected SignedContent() {
    }

    /** The release's current round and digest, signed by {@code signer} at {@code at}. */
    static SignedContent of(Release release, String signer, String printedName, Instant at) {
        SignedContent c = new SignedContent();
        c.releaseId = release.id();
        c.round = release.reviewRound();
        c.manifestDigest = release.manifestDigest().orElseThrow();
        c.signer = Objects.requireNonNull(signer);
        c.printedName = Objects.requireNonNull(printedName);
        c.signedAt = Objects.requireNonNull(at);
        return c;
    }

    /** Whether the release still is what was signed (no reopen since). */
    boolean isCurrentFor(Release release) {
        return release.reviewRound() == round && release.manifestDigest().map(manifestDigest::equals).orElse(false);
    }

    long releaseId() {
        return releaseId;
    }

    int round() {
        return round;
    }

    String manifestDigest() {
        return manifestDigest;
    }

    String signer() {
        return signer;
    }

    String printedName() {
        return printedName;
    }

    Instant signedAt() {
        return signedAt;
    }
}
