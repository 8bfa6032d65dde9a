package io.tracegate.identity.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NotPermitted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signer's authenticator (RFC 6238 TOTP): the second signing component besides the password, one no
 * administrator can set (21 CFR Part 11 §11.200, §11.300). The signer enrols it themselves; it is ACTIVE once
 * they proved it with a first code. The secret is kept sealed (encrypted with a key outside the database); a time
 * step is accepted once only, so a code seen over someone's shoulder or in a log cannot sign again. Replacing it
 * takes a reset that two different people agree to ({@link #requestReset}, then a confirmation by someone else).
 */
@Entity
@Table(name = "signing_factor")
public class SigningFactor {

    public enum State { PENDING, ACTIVE }

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "secret_sealed", nullable = false, length = 200)
    private String sealedSecret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    /** The last time step a code was accepted for (replay protection, RFC 6238 §5.2); -1 before the first. */
    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    @Column(name = "reset_requested_by", length = 64)
    private String resetRequestedBy;

    @Column(name = "reset_requested_at")
    private Instant resetRequestedAt;

    @Column(name = "reset_reason", length = 500)
    private String resetReason;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected SigningFactor() {
    }

    /** A new authenticator awaiting its first code; {@code sealedSecret} is the secret as sealed for storage. */
    public static SigningFactor pending(String username, String sealedSecret, Instant now) {
        SigningFactor f = new SigningFactor();
        f.username = Objects.requireNonNull(username);
        f.sealedSecret = Objects.requireNonNull(sealedSecret);
        f.state = State.PENDING;
        f.createdAt = now;
        f.lastUsedStep = -1;
        return f;
    }

    /** A pending enrolment started again gets a new secret (the first one may have been seen). */
    public void restart(String newSealedSecret, Instant now) {
        if (state == State.ACTIVE) {
            throw alreadyActive();
        }
        this.sealedSecret = newSealedSecret;
        this.createdAt = now;
    }

    /** The first code matched at {@code step}: from now on the authenticator signs. */
    public void activate(long step, Instant now) {
        if (state == State.ACTIVE) {
            throw alreadyActive();
        }
        this.state = State.ACTIVE;
        this.enrolledAt = now;
        this.lastUsedStep = step;
    }

    /** Whether a code of {@code step} may still be accepted: each step once, and none older than the last one. */
    public boolean isFresh(long step) {
        return step > lastUsedStep;
    }

    /** Spends the step a code was accepted for. */
    public void used(long step) {
        if (!isFresh(step)) {
            throw new IllegalStateException("step " + step + " was already used");
        }
        this.lastUsedStep = step;
    }

    /** The first half of a reset: recorded, nothing changes until someone else confirms. */
    public void requestReset(String by, String reason, Instant now) {
        if (by.equals(username)) {
            throw new NotPermitted("username", "nobody resets their own authenticator: ask an administrator and a "
                    + "second administrator or safety manager");
        }
        this.resetRequestedBy = by;
        this.resetRequestedAt = now;
        this.resetReason = reason;
    }

    /** Checks that {@code by} may confirm the pending reset: there is one, and {@code by} is a second person. */
    public void ensureConfirmableBy(String by) {
        if (resetRequestedBy == null) {
            throw new Conflict("username", "no reset of " + username + "'s authenticator was requested: POST "
                    + "/api/users/" + username + "/authenticator/reset-request first");
        }
        if (by.equals(resetRequestedBy) || by.equals(username)) {
            throw new NotPermitted("username", "the reset of " + username + "'s authenticator was requested by "
                    + resetRequestedBy + "; a different administrator or safety manager (not " + username
                    + " either) must confirm it");
        }
    }

    private Conflict alreadyActive() {
        return new Conflict("authenticator", username + " already has an active authenticator; replacing it needs a "
                + "reset that an administrator requests and a second administrator or safety manager confirms");
    }

    public String username() {
        return username;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public State state() {
        return state;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> enrolledAt() {
        return Optional.ofNullable(enrolledAt);
    }

    public Optional<String> resetRequestedBy() {
        return Optional.ofNullable(resetRequestedBy);
    }

    public Optional<Instant> resetRequestedAt() {
        return Optional.ofNullable(resetRequestedAt);
    }

    public Optional<String> resetReason() {
        return Optional.ofNullable(resetReason);
    }
}
