package io.tracegate.identity.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NotPermitted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failure count of signing, and the authenticator's own rules (replay, two-person reset). */
class SigningLockoutTest {

    private final Instant t0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void afterThreeFailuresEachAttemptWaitsDoublingUpToTheLongestAndTheTenthLocks() {
        SigningLockout lockout = SigningLockout.of("alex");
        for (int i = 1; i <= 2; i++) {
            assertThat(lockout.failed(t0, 10)).isFalse();
        }
        assertThat(lockout.waitAt(t0, 3, Duration.ofMinutes(15))).isEmpty();
        lockout.failed(t0, 10);
        assertThat(lockout.waitAt(t0, 3, Duration.ofMinutes(15))).hasValue(Duration.ofSeconds(1));
        lockout.failed(t0, 10);
        assertThat(lockout.waitAt(t0, 3, Duration.ofMinutes(15))).hasValue(Duration.ofSeconds(2));
        assertThat(lockout.waitAt(t0, 3, Duration.ofSeconds(1))).hasValue(Duration.ofSeconds(1));
        assertThat(lockout.waitAt(t0.plusSeconds(2), 3, Duration.ofMinutes(15))).isEmpty();
        for (int i = 5; i <= 9; i++) {
            assertThat(lockout.failed(t0, 10)).isFalse();
        }
        assertThat(lockout.isLocked()).isFalse();
        assertThat(lockout.failed(t0, 10)).as("the tenth failure locks").isTrue();
        assertThat(lockout.isLocked()).isTrue();
        assertThat(lockout.failed(t0, 10)).as("locked once").isFalse();
        lockout.release();
        assertThat(lockout.isLocked()).isFalse();
        assertThat(lockout.failures()).isZero();
    }

    @Test
    void aSignatureClearsTheCountButNotALock() {
        SigningLockout lockout = SigningLockout.of("alex");
        lockout.failed(t0, 2);
        lockout.failed(t0, 2);
        lockout.succeeded();
        assertThat(lockout.failures()).isZero();
        assertThat(lockout.isLocked()).as("only an administrator releases a lock").isTrue();
    }

    @Test
    void eachTimeStepIsAcceptedOnceAndNeverAnOlderOne() {
        SigningFactor factor = SigningFactor.pending("alex", "v1:x", t0);
        factor.activate(100, t0);
        assertThat(factor.isFresh(100)).isFalse();
        assertThat(factor.isFresh(101)).isTrue();
        factor.used(102);
        assertThat(factor.isFresh(101)).isFalse();
        assertThatThrownBy(() -> factor.used(102)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anActiveAuthenticatorIsNotReplacedByEnrollingAgain() {
        SigningFactor factor = SigningFactor.pending("alex", "v1:x", t0);
        factor.restart("v1:y", t0);
        assertThat(factor.sealedSecret()).isEqualTo("v1:y");
        factor.activate(1, t0);
        assertThatThrownBy(() -> factor.restart("v1:z", t0)).isInstanceOf(Conflict.class);
        assertThat(factor.sealedSecret()).isEqualTo("v1:y");
    }

    @Test
    void aResetIsRequestedByOnePersonAndConfirmedByAnotherNeitherTheOwner() {
        SigningFactor factor = SigningFactor.pending("alex", "v1:x", t0);
        factor.activate(1, t0);
        assertThatThrownBy(() -> factor.ensureConfirmableBy("admin")).as("nothing requested").isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> factor.requestReset("alex", "lost my phone", t0)).isInstanceOf(NotPermitted.class);
        factor.requestReset("admin", "alex lost the phone", t0);
        assertThatThrownBy(() -> factor.ensureConfirmableBy("admin")).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> factor.ensureConfirmableBy("alex")).isInstanceOf(NotPermitted.class);
        factor.ensureConfirmableBy("kim");
    }
}
