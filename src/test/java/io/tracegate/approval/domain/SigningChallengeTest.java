package io.tracegate.approval.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NotPermitted;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningChallengeTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String DIGEST = "a".repeat(64);
    private final ChallengeSecret secret = ChallengeSecret.generate(new SecureRandom());
    private final SigningChallenge challenge = SigningChallenge.issue(7, "alex", DIGEST, 2, secret, T0,
            Duration.ofMinutes(5));

    @Test
    void itIsSpentOnce() {
        challenge.redeem(7, "alex", DIGEST, 2, T0.plusSeconds(60));
        assertThat(challenge.usedAt()).hasValue(T0.plusSeconds(60));
        assertThatThrownBy(() -> challenge.redeem(7, "alex", DIGEST, 2, T0.plusSeconds(61)))
                .isInstanceOf(Conflict.class).hasMessageContaining("was used");
    }

    @Test
    void onlyThePersonItWasIssuedToSpendsItOnThatRelease() {
        assertThatThrownBy(() -> challenge.redeem(7, "kim", DIGEST, 2, T0)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> challenge.redeem(8, "alex", DIGEST, 2, T0)).isInstanceOf(NotPermitted.class);
        assertThat(challenge.usedAt()).isEmpty();
    }

    @Test
    void itExpiresAfterItsValidity() {
        assertThatThrownBy(() -> challenge.redeem(7, "alex", DIGEST, 2, T0.plus(Duration.ofMinutes(5))))
                .isInstanceOf(Conflict.class).hasMessageContaining("expired");
    }

    @Test
    void itSignsOnlyTheDigestAndRoundItWasIssuedFor() {
        assertThatThrownBy(() -> challenge.redeem(7, "alex", "b".repeat(64), 2, T0)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> challenge.redeem(7, "alex", DIGEST, 3, T0)).isInstanceOf(Conflict.class)
                .hasMessageContaining("issued for round 2");
    }

    @Test
    void theSecretIsRandomWellFormedAndNeverPrinted() {
        ChallengeSecret other = ChallengeSecret.generate(new SecureRandom());
        assertThat(secret.value()).startsWith("tgc_").hasSize(47).isNotEqualTo(other.value());
        assertThat(ChallengeSecret.wellFormed(secret.value())).isTrue();
        assertThat(ChallengeSecret.wellFormed("tgc_short")).isFalse();
        assertThat(secret.sha256()).hasSize(64).isEqualTo(new ChallengeSecret(secret.value()).sha256());
        assertThat(secret.toString()).doesNotContain(secret.value());
    }
}
