package io.tracegate.approval.application;

import io.tracegate.approval.domain.SignatureMeaning;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.failure.Throttled;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong signing passwords and codes are counted (issue 15, item 2): three spend the challenge, more are throttled,
 * ten lock signing for the account, and each refusal is an audit event with its reason.
 */
class GuessingASigningPasswordTest {

    private final ReviewBench bench = new ReviewBench();
    private final Release release = underReview();

    private Release underReview() {
        Release r = bench.release(Asil.QM, "MLR-1");
        bench.passes(r, "MLR-1");
        return bench.submit(r);
    }

    private Throwable attempt(String secret, String pass, String code) {
        try {
            bench.as(ANN, () -> bench.signing.sign(release.id(), SignatureMeaning.APPROVE_HIL, bench.digest(release),
                    secret, pass.toCharArray(), code, null));
            return null;
        } catch (Failure f) {
            return f;
        }
    }

    private long refusals(String reason) {
        return bench.trail.entries().stream().filter(e -> e.action().equals("signature.refused"))
                .filter(e -> e.reason().startsWith(reason)).count();
    }

    @Test
    void threeWrongPasswordsSpendTheChallengeAndTheRightOneThenDoesNotSign() {
        String secret = bench.challenge(ANN, release).secret().value();
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(secret, "guess " + i, bench.code(ANN))).isInstanceOf(NotPermitted.class);
        }
        bench.clock.advance(Duration.ofHours(1));
        assertThat(attempt(secret, password(ANN), bench.code(ANN))).isInstanceOf(Conflict.class)
                .hasMessageContaining("spent");
        assertThat(refusals("wrong password")).isEqualTo(3);
        assertThat(refusals("challenge spent")).isEqualTo(1);
        assertThat(bench.signatures.ofRelease(release.id())).isEmpty();
    }

    @Test
    void afterThreeFailuresTheNextAttemptWaitsAndIsNotChecked() {
        for (int i = 0; i < 3; i++) {
            attempt(bench.challenge(ANN, release).secret().value(), "guess " + i, "123456");
        }
        Throwable throttled = attempt(bench.challenge(ANN, release).secret().value(), password(ANN), "123456");
        assertThat(throttled).isInstanceOf(Throttled.class);
        assertThat(((Throttled) throttled).waitFor()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(refusals("throttled")).isEqualTo(1);
    }

    @Test
    void tenFailuresLockSigningUntilAnAdministratorReleasesIt() {
        for (int i = 0; i < 10; i++) {
            bench.clock.advance(Duration.ofHours(1));
            attempt(bench.challenge(ANN, release).secret().value(), "guess " + i, "123456");
        }
        bench.clock.advance(Duration.ofHours(1));
        Throwable locked = attempt(bench.challenge(ANN, release).secret().value(), password(ANN), bench.code(ANN));
        assertThat(locked).isInstanceOf(NotPermitted.class).hasMessageContaining("locked")
                .hasMessageContaining("administrator");
        assertThat(refusals("locked")).isEqualTo(1);
        bench.lockouts.ofLocked(ANN).release();
        assertThat(attempt(bench.challenge(ANN, release).secret().value(), password(ANN), bench.code(ANN))).isNull();
    }

    @Test
    void aRightPasswordWithAWrongOrReplayedCodeDoesNotSign() {
        String code = bench.code(ANN);
        assertThat(attempt(bench.challenge(ANN, release).secret().value(), password(ANN), "000000"))
                .isInstanceOf(NotPermitted.class).extracting(f -> ((Failure) f).field()).isEqualTo("code");
        Release other = underReview();
        assertThat(attempt(bench.challenge(ANN, release).secret().value(), password(ANN), code)).isNull();
        Throwable replayed;
        try {
            String secret = bench.challenge(ANN, other).secret().value();
            bench.as(ANN, () -> bench.signing.sign(other.id(), SignatureMeaning.APPROVE_HIL, bench.digest(other), secret,
                    password(ANN).toCharArray(), code, null));
            replayed = null;
        } catch (Failure f) {
            replayed = f;
        }
        assertThat(replayed).isInstanceOf(NotPermitted.class).hasMessageContaining("already used");
        assertThat(refusals("replayed code")).isEqualTo(1);
    }
}
