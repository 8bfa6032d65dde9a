package io.tracegate.approval.application;

import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.SignatureMeaning;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseApproved;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.BOB;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static io.tracegate.approval.application.ReviewBench.LEE;
import static io.tracegate.approval.application.ReviewBench.EVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing a release under review: what a signature binds, when it approves, when it rejects. */
class SigningTest {

    private final ReviewBench bench = new ReviewBench();

    private Release greenUnderReview(Asil asil) {
        Release release = bench.release(asil, "MLR-1", "MLR-2");
        bench.passes(release, "MLR-1");
        bench.passes(release, "MLR-2");
        return bench.submit(release);
    }

    @Test
    void oneApprovalOfAGreenQmReleaseApprovesItAndAnnouncesTheApprovalOfThatRoundAndDigest() {
        Release release = greenUnderReview(Asil.QM);

        Signature signature = bench.approve(ANN, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
        assertThat(signature.signer()).isEqualTo(ANN);
        assertThat(signature.printedName()).isEqualTo(ReviewBench.printedName(ANN));
        assertThat(signature.manifestDigest()).isEqualTo(bench.digest(release));
        assertThat(signature.round()).isEqualTo(1);
        assertThat(signature.gateGreen()).isTrue();
        assertThat(bench.approvals.fired()).containsExactly(new ReleaseApproved(release.id(), 1, bench.digest(release)));
        assertThat(bench.trail.entries()).extracting(AuditEntry::action)
                .containsSubsequence("release.signature", "release.transition");
        assertThat(bench.trail.entries().get(bench.trail.entries().size() - 1).after()).isEqualTo("APPROVED");
    }

    @Test
    void anAsilCReleaseStaysInReviewUntilItsSecondApprovalComesFromASafetyManager() {
        Release release = greenUnderReview(Asil.C);

        bench.approve(ANN, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        bench.approve(BOB, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(bench.status(release).missing()).containsExactly(
                io.tracegate.approval.domain.ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
        assertThat(bench.approvals.fired()).isEmpty();

        bench.approve(KIM, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
        assertThat(bench.status(release).missing()).isEmpty();
        assertThat(bench.approvals.fired()).hasSize(1);
    }

    @Test
    void anAsilBReleaseIsNotApprovedWhileAnEvidenceItemIsUnreviewed() {
        Release release = bench.release(Asil.B, "MLR-1");
        bench.passes(release, "MLR-1");
        bench.testReport(release, EVE, "MLR-1", TestOutcome.PASSED);
        bench.submit(release);

        bench.approve(ANN, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(bench.status(release).missing()).containsExactly("1 evidence item(s) not reviewed yet");
    }

    @Test
    void aSignerSignsARoundOnceEvenWithAFreshChallenge() {
        Release release = greenUnderReview(Asil.D);
        bench.approve(ANN, release);

        assertThatThrownBy(() -> bench.approve(ANN, release)).isInstanceOf(Conflict.class)
                .extracting(e -> ((Failure) e).field()).isEqualTo("signer");
        assertThatThrownBy(() -> bench.sign(ANN, release, SignatureMeaning.REJECT)).isInstanceOf(Conflict.class)
                .extracting(e -> ((Failure) e).field()).isEqualTo("signer");
        assertThat(bench.signatures.ofRelease(release.id())).hasSize(1);
    }

    @Test
    void theApprovalsOfARoundAreAllForTheSamePurpose() {
        Release release = greenUnderReview(Asil.C);
        bench.sign(ANN, release, SignatureMeaning.APPROVE_HIL);

        assertThatThrownBy(() -> bench.sign(KIM, release, SignatureMeaning.APPROVE_FLEET)).isInstanceOf(Conflict.class)
                .extracting(e -> ((Failure) e).field()).isEqualTo("meaning");

        bench.sign(KIM, release, SignatureMeaning.APPROVE_HIL);
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void aRedGateIsNotApprovedAndTheRefusalNamesWhatKeepsItRed() {
        Release release = bench.release(Asil.QM, "MLR-1", "MLR-NIGHT");
        bench.passes(release, "MLR-1");
        bench.fails(release, "MLR-NIGHT");
        bench.submit(release);

        for (SignatureMeaning approval : new SignatureMeaning[] {SignatureMeaning.APPROVE_HIL,
                SignatureMeaning.APPROVE_FLEET, SignatureMeaning.APPROVE_PRODUCTION}) {
            assertThatThrownBy(() -> bench.sign(ANN, release, approval)).isInstanceOf(Conflict.class)
                    .hasMessageContaining("MLR-NIGHT").extracting(e -> ((Failure) e).field()).isEqualTo("gate");
        }
        assertThat(bench.signatures.ofRelease(release.id())).isEmpty();
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
    }

    @Test
    void aRejectionIsSignedOnARedGateToo_AndRejectsTheReleaseWithItsReason() {
        Release release = bench.release(Asil.D, "MLR-NIGHT");
        bench.fails(release, "MLR-NIGHT");
        bench.submit(release);

        Signature rejection = bench.sign(LEE, release, SignatureMeaning.REJECT);

        assertThat(release.status()).isEqualTo(ReleaseStatus.REJECTED);
        assertThat(release.statusReason()).contains("the night KPI is not met");
        assertThat(rejection.gateGreen()).isFalse();
        assertThat(bench.approvals.fired()).isEmpty();
    }

    @Test
    void aRejectionAfterAnApprovalRejects() {
        Release release = greenUnderReview(Asil.C);
        bench.approve(ANN, release);

        bench.sign(BOB, release, SignatureMeaning.REJECT);

        assertThat(release.status()).isEqualTo(ReleaseStatus.REJECTED);
        assertThatThrownBy(() -> bench.approve(KIM, release)).isInstanceOf(Conflict.class)
                .extracting(e -> ((Failure) e).field()).isEqualTo("status");
    }

    @Test
    void aRejectionWithoutItsReasonIsRefused() {
        Release release = greenUnderReview(Asil.QM);
        String secret = bench.challenge(ANN, release).secret().value();

        assertThatThrownBy(() -> bench.as(ANN, () -> bench.signing.sign(release.id(), SignatureMeaning.REJECT,
                bench.digest(release), secret, ReviewBench.password(ANN).toCharArray(), bench.code(ANN), " ")))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((Failure) e).field()).isEqualTo("comment");
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
    }

    @Test
    void onlyTheDigestUnderReviewIsSigned() {
        Release release = greenUnderReview(Asil.QM);
        String secret = bench.challenge(ANN, release).secret().value();

        assertThatThrownBy(() -> bench.as(ANN, () -> bench.signing.sign(release.id(), SignatureMeaning.APPROVE_HIL,
                "0".repeat(64), secret, ReviewBench.password(ANN).toCharArray(), bench.code(ANN), null)))
                .isInstanceOf(Conflict.class).extracting(e -> ((Failure) e).field()).isEqualTo("manifestDigest");
    }

    @Test
    void aDraftIsNotSigned() {
        Release release = bench.release(Asil.QM, "MLR-1");
        bench.passes(release, "MLR-1");

        assertThatThrownBy(() -> bench.as(ANN, () -> bench.signing.challenge(release.id(), "0".repeat(64))))
                .isInstanceOf(Conflict.class).extracting(e -> ((Failure) e).field()).isEqualTo("status");
    }

    @Test
    void evidenceRejectedByTheReviewerDoesNotMakeARequirementPassed() {
        Release release = bench.release(Asil.QM, "MLR-1");
        bench.reviewed(bench.testReport(release, EVE, "MLR-1", TestOutcome.PASSED), ReviewState.REJECTED);
        bench.submit(release);

        assertThatThrownBy(() -> bench.approve(ANN, release)).extracting(e -> ((Failure) e).field()).isEqualTo("gate");
    }
}
