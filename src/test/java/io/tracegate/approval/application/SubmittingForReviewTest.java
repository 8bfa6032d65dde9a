package io.tracegate.approval.application;

import io.tracegate.approval.domain.ApprovalPolicy;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import static io.tracegate.approval.application.ReviewBench.ALICE;
import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.EVE;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Submitting freezes the content under a digest and starts a round; reopening obsoletes the round's signatures. */
class SubmittingForReviewTest {

    private final ReviewBench bench = new ReviewBench();

    private static Object field(Throwable e) {
        return ((Failure) e).field();
    }

    @Test
    void submittingFreezesTheContentUnderTheDigestTheManifestShowed() {
        Release release = bench.release(Asil.QM, "MLR-1");
        bench.passes(release, "MLR-1");
        String shown = bench.as(ALICE, () -> bench.review.manifest(release.id())).digest();

        bench.submit(release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(release.reviewRound()).isEqualTo(1);
        assertThat(release.manifestDigest()).contains(shown);
        assertThatThrownBy(() -> bench.passes(release, "MLR-1")).isInstanceOf(Conflict.class)
                .extracting(SubmittingForReviewTest::field).isEqualTo("status");
        assertThatThrownBy(() -> bench.artifact(release, ALICE)).isInstanceOf(Conflict.class);
    }

    @Test
    void aReleaseWithoutABaselineIsNotSubmitted() {
        Release release = bench.releaseWithoutBaseline();

        assertThatThrownBy(() -> bench.submit(release)).isInstanceOf(Conflict.class)
                .extracting(SubmittingForReviewTest::field).isEqualTo("baseline");
        assertThat(release.status()).isEqualTo(ReleaseStatus.DRAFT);
        assertThat(bench.as(ANN, () -> bench.signing.status(release.id())).missing())
                .containsExactly("a requirement baseline");
    }

    @Test
    void reopeningNeedsAReasonAndMakesTheRoundsSignaturesObsolete() {
        Release release = bench.release(Asil.C, "MLR-1");
        bench.passes(release, "MLR-1");
        bench.submit(release);
        bench.approve(ANN, release);

        assertThatThrownBy(() -> bench.as(ALICE, () -> bench.review.reopen(release.id(), "")))
                .isInstanceOf(InvalidInput.class);
        bench.as(ALICE, () -> bench.review.reopen(release.id(), "one more calibration run"));
        assertThat(release.status()).isEqualTo(ReleaseStatus.DRAFT);
        bench.testReport(release, EVE, "MLR-1", TestOutcome.PASSED);
        bench.reviewed(bench.evidence.all(release.id()).get(1), io.tracegate.evidence.domain.ReviewState.ACCEPTED);
        bench.submit(release);

        assertThat(release.reviewRound()).isEqualTo(2);
        assertThat(bench.status(release).missing()).contains("2 more approval signature(s)",
                ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
        bench.approve(KIM, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        bench.approve(ANN, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
        assertThat(bench.approvals.fired()).singleElement()
                .satisfies(e -> assertThat(e.reviewRound()).isEqualTo(2));
    }

    @Test
    void aRejectedReleaseIsReopenedAndAnApprovedOneIsNot() {
        Release release = bench.release(Asil.QM, "MLR-1");
        bench.passes(release, "MLR-1");
        bench.submit(release);
        bench.sign(ANN, release, io.tracegate.approval.domain.SignatureMeaning.REJECT);

        bench.as(ALICE, () -> bench.review.reopen(release.id(), "fix the night KPI"));
        bench.submit(release);
        bench.approve(ANN, release);

        assertThatThrownBy(() -> bench.as(ALICE, () -> bench.review.reopen(release.id(), "more")))
                .isInstanceOf(Conflict.class).extracting(SubmittingForReviewTest::field).isEqualTo("status");
    }
}
