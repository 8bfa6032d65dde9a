package io.tracegate.approval.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NotPermitted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use permission to sign (or waive on) one release, for one person, over the manifest digest and
 * review round they were shown, for a few minutes (threat T15): a captured signing request cannot be replayed,
 * and a challenge fetched before the release changed cannot sign what it became.
 */
@Entity
@Table(name = "signing_challenge")
public class SigningChallenge {

    @Id
    @SequenceGenerator(name = "signing_challenge_seq", sequenceName = "signing_challenge_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signing_challenge_seq")
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(nullable = false, length = 64)
    private String signer;

    @Column(name = "manifest_digest", nullable = false, length = 64)
    private String manifestDigest;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(name = "challenge_sha256", nullable = false, length = 64, unique = true)
    private String challengeSha256;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** Signing attempts with this challenge whose password or code was wrong; at {@link #WRONG_ATTEMPTS} it is spent. */
    @Column(name = "wrong_attempts", nullable = false)
    private int wrongAttempts;

    /** A challenge takes this many wrong passwords or codes, then it is spent (guessing needs new challenges). */
    public static final int WRONG_ATTEMPTS = 3;

    protected SigningChallenge() {
    }

    public static SigningChallenge issue(long releaseId, String signer, String manifestDigest, int round,
                                         ChallengeSecret secret, Instant now, Duration validFor) {
        SigningChallenge c = new SigningChallenge();
        c.releaseId = releaseId;
        c.signer = Objects.requireNonNull(signer);
        c.manifestDigest = Objects.requireNonNull(manifestDigest);
        c.round = round;
        c.challengeSha256 = secret.sha256();
        c.issuedAt = now;
        c.expiresAt = now.plus(validFor);
        return c;
    }

    /**
     * Spends the challenge on a signature by {@code by} over {@code digest} in {@code round} of the release.
     *
     * @throws NotPermitted when it was issued to someone else or for another release
     * @throws Conflict     when it is used, expired, or for another digest or round
     */
    public void redeem(long release, String by, String digest, int currentRound, Instant now) {
        ensureUsable(release, by, digest, currentRound, now);
        usedAt = now;
    }

    /** The checks of {@link #redeem} without spending it: whether a signature may be attempted with it now. */
    public void ensureUsable(long release, String by, String digest, int currentRound, Instant now) {
        if (releaseId != release || !signer.equals(by)) {
            throw new NotPermitted("challenge", "this signing challenge was issued to another person or release;"
                    + " request your own");
        }
        if (usedAt != null) {
            throw new Conflict("challenge", "this signing challenge was used at " + usedAt
                    + "; each signature needs a new one");
        }
        if (!now.isBefore(expiresAt)) {
            throw new Conflict("challenge", "this signing challenge expired at " + expiresAt + "; request a new one");
        }
        if (round != currentRound || !manifestDigest.equals(digest)) {
            throw new Conflict("challenge", "this signing challenge was issued for round " + round + " over "
                    + manifestDigest + "; the release is now in round " + currentRound + " over " + digest
                    + ": reload what you are signing and request a new challenge");
        }
        if (wrongAttempts >= WRONG_ATTEMPTS) {
            throw new Conflict("challenge", "this signing challenge is spent after " + wrongAttempts
                    + " wrong passwords or codes; request a new one");
        }
    }

    /** Counts an attempt whose password or code was wrong. */
    public void wrongAttempt() {
        wrongAttempts++;
    }

    public boolean isSpent() {
        return wrongAttempts >= WRONG_ATTEMPTS;
    }

    public Long id() {
        return id;
    }

    public String challengeSha256() {
        return challengeSha256;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> usedAt() {
        return Optional.ofNullable(usedAt);
    }

    public int round() {
        return round;
    }

    public String manifestDigest() {
        return manifestDigest;
    }
}
