package io.tracegate.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed signing attempts of one account in a row (a wrong password or authenticator code), kept in the database
 * so that a restart forgets nothing: after the free failures each further attempt waits 1 s, 2 s, 4 s, … (like
 * logins), and after {@code lockAfter} failures signing is locked for the account until an administrator
 * releases it. A signature clears the count.
 */
@Entity
@Table(name = "signing_lockout")
public class SigningLockout {

    @Id
    @Column(length = 64)
    private String username;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected SigningLockout() {
    }

    public static SigningLockout of(String username) {
        SigningLockout l = new SigningLockout();
        l.username = username;
        return l;
    }

    /** Counts a failure; returns true when this one locked signing. */
    public boolean failed(Instant now, int lockAfter) {
        failures++;
        lastFailureAt = now;
        if (lockedAt == null && failures >= lockAfter) {
            lockedAt = now;
            return true;
        }
        return false;
    }

    public void succeeded() {
        failures = 0;
        lastFailureAt = null;
    }

    /** An administrator ends the lock; the count starts again from zero. */
    public void release() {
        failures = 0;
        lastFailureAt = null;
        lockedAt = null;
    }

    /**
     * How long the next attempt must still wait, if it must: none before {@code freeFailures} failures, then 1 s
     * after the last one, 2 s after one more, and so on.
     */
    public Optional<Duration> waitAt(Instant now, int freeFailures, Duration longestDelay) {
        int over = failures - freeFailures + 1;
        if (over <= 0 || lastFailureAt == null) {
            return Optional.empty();
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(over - 1, 30));
        if (delay.compareTo(longestDelay) > 0) {
            delay = longestDelay;
        }
        Duration left = Duration.between(now, lastFailureAt.plus(delay));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    public Optional<Instant> lockedAt() {
        return Optional.ofNullable(lockedAt);
    }

    public int failures() {
        return failures;
    }

    public String username() {
        return username;
    }
}
