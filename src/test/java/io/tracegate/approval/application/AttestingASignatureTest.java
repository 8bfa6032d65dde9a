package io.tracegate.approval.application;

import io.tracegate.approval.application.fakes.FakePasswordCheck;
import io.tracegate.approval.application.fakes.UniqueViolation;
import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.SignatureMeaning;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.persistence.Clash;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.tracegate.approval.application.ReviewBench.ALICE;
import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.BOB;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static io.tracegate.approval.application.ReviewBench.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What makes a signing request the signer's own: the password re-entered (the second component besides the
 * session), never an API token, and a single-use challenge issued to them over what they saw.
 */
class AttestingASignatureTest {

    private final ReviewBench bench = new ReviewBench();
    private final Release release = underReview();

    private Release underReview() {
        Release r = bench.release(Asil.C, "MLR-1");
        bench.passes(r, "MLR-1");
        return bench.submit(r);
    }

    private Signature signWith(String who, String secret, char[] password) {
        String code = bench.code(who);
        return bench.as(who, () -> bench.signing.sign(release.id(), SignatureMeaning.APPROVE_HIL, bench.digest(release),
                secret, password, code, null));
    }

    private String secretFor(String who) {
        return bench.challenge(who, release).secret().value();
    }

    private static Object field(Throwable e) {
        return ((Failure) e).field();
    }

    @Test
    void aWrongMissingOrEmptyPasswordSignsNothing() {
        for (char[] wrong : new char[][] {"guess".toCharArray(), password(BOB).toCharArray(), new char[0], null}) {
            String secret = secretFor(ANN);
            assertThatThrownBy(() -> signWith(ANN, secret, wrong)).isInstanceOf(NotPermitted.class)
                    .hasMessageContaining("does not match").extracting(AttestingASignatureTest::field).isEqualTo("password");
        }
        assertThat(bench.signatures.ofRelease(release.id())).isEmpty();
    }

    @Test
    void aPasswordAnAdministratorSetDoesNotSignUntilTheSignerChoseTheirOwn() {
        UserAccount ann = bench.accounts.named(ANN).orElseThrow();
        ann.passwordAssigned(FakePasswordCheck.hashOf("set-by-root"), Instant.now());

        assertThatThrownBy(() -> signWith(ANN, secretFor(ANN), "set-by-root".toCharArray()))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("choose your own")
                .extracting(AttestingASignatureTest::field).isEqualTo("password");

        ann.passwordChosen(FakePasswordCheck.hashOf("ann's new one"), Instant.now());
        assertThat(signWith(ANN, secretFor(ANN), "ann's new one".toCharArray()).signer()).isEqualTo(ANN);
    }

    @Test
    void aDeactivatedAccountDoesNotSignWithItsOldPassword() {
        String secret = secretFor(ANN);
        bench.accounts.named(ANN).orElseThrow().deactivate("root", Instant.now());

        assertThatThrownBy(() -> signWith(ANN, secret, password(ANN).toCharArray())).isInstanceOf(NotPermitted.class)
                .extracting(AttestingASignatureTest::field).isEqualTo("password");
    }

    @Test
    void aRequestAuthenticatedWithAnApiTokenNeitherGetsAChallengeNorSigns() {
        String secret = secretFor(ANN);
        bench.passwords.viaToken(true);

        assertThatThrownBy(() -> bench.challenge(ANN, release)).isInstanceOf(NotPermitted.class)
                .extracting(AttestingASignatureTest::field).isEqualTo("Authorization");
        assertThatThrownBy(() -> signWith(ANN, secret, password(ANN).toCharArray())).isInstanceOf(NotPermitted.class)
                .extracting(AttestingASignatureTest::field).isEqualTo("Authorization");
        assertThatThrownBy(() -> bench.waive(KIM, release, "MLR-1")).isInstanceOf(NotPermitted.class);
    }

    @Test
    void aChallengeIsSpentByItsSignatureAndRefusedAfterwards() {
        String secret = secretFor(ANN);
        signWith(ANN, secret, password(ANN).toCharArray());

        assertThat(bench.challenges.withSecretLocked(new io.tracegate.approval.domain.ChallengeSecret(secret).sha256())
                .orElseThrow().usedAt()).isPresent();
        assertThatThrownBy(() -> signWith(ANN, secret, password(ANN).toCharArray())).isInstanceOf(Conflict.class)
                .hasMessageContaining("was used").extracting(AttestingASignatureTest::field).isEqualTo("challenge");
    }

    @Test
    void aChallengeIssuedToSomeoneElseDoesNotSign() {
        String annsSecret = secretFor(ANN);

        assertThatThrownBy(() -> signWith(KIM, annsSecret, password(KIM).toCharArray()))
                .isInstanceOf(NotPermitted.class).extracting(AttestingASignatureTest::field).isEqualTo("challenge");
        assertThat(signWith(ANN, annsSecret, password(ANN).toCharArray()).signer()).isEqualTo(ANN);
    }

    @Test
    void aSignatureWithoutAChallengeOrWithAnUnknownOneIsRefused() {
        assertThatThrownBy(() -> signWith(ANN, null, password(ANN).toCharArray())).isInstanceOf(InvalidInput.class)
                .extracting(AttestingASignatureTest::field).isEqualTo("challenge");
        assertThatThrownBy(() -> signWith(ANN, "tgc_short", password(ANN).toCharArray()))
                .isInstanceOf(InvalidInput.class);
        String unknown = "tgc_" + "A".repeat(43);
        assertThatThrownBy(() -> signWith(ANN, unknown, password(ANN).toCharArray())).isInstanceOf(NotPermitted.class)
                .extracting(AttestingASignatureTest::field).isEqualTo("challenge");
    }

    @Test
    void anExpiredChallengeIsRefused() throws InterruptedException {
        bench.signing.challengeValidFor = Duration.ofMillis(1);
        String secret = secretFor(ANN);
        Thread.sleep(5);

        assertThatThrownBy(() -> signWith(ANN, secret, password(ANN).toCharArray())).isInstanceOf(Conflict.class)
                .hasMessageContaining("expired").extracting(AttestingASignatureTest::field).isEqualTo("challenge");
    }

    @Test
    void aChallengeFetchedBeforeAReopenDoesNotSignTheNextRoundEvenOverTheSameContent() {
        String secret = secretFor(ANN);
        bench.as(ALICE, () -> bench.review.reopen(release.id(), "one more calibration run"));
        bench.submit(release);
        assertThat(release.reviewRound()).isEqualTo(2);

        assertThatThrownBy(() -> signWith(ANN, secret, password(ANN).toCharArray())).isInstanceOf(Conflict.class)
                .extracting(AttestingASignatureTest::field).isEqualTo("challenge");
        assertThat(signWith(ANN, secretFor(ANN), password(ANN).toCharArray()).round()).isEqualTo(2);
    }

    @Test
    void theSignatureTableItselfKeepsOneSignaturePerSignerAndRound_AsTheFakeDoes() {
        signWith(ANN, secretFor(ANN), password(ANN).toCharArray());
        Signature again = Signature.sign(release, ANN, "Ann", SignatureMeaning.APPROVE_HIL, null, true, Instant.now());

        assertThatThrownBy(() -> bench.signatures.add(again)).isInstanceOf(UniqueViolation.class)
                .satisfies(e -> assertThat(Clash.is(e)).isTrue());
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
    }
}
