package io.tracegate.approval.application;

import io.tracegate.approval.domain.ApprovalPolicy;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.Verdict;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.tracegate.approval.application.ReviewBench.ALICE;
import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.BOB;
import static io.tracegate.approval.application.ReviewBench.JUSTIFICATION;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static io.tracegate.approval.application.ReviewBench.LEE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes on every deviation: at ASIL C and D a safety manager who signed a waiver in the round is not the
 * safety-manager approval the policy asks for (their approval still counts as one of the approvers).
 */
class FourEyesTest {

    private final ReviewBench bench = new ReviewBench();

    /** An ASIL D release whose night requirement fails: it is green only once waived. */
    private Release failingNight() {
        Release release = bench.release(Asil.D, "MLR-DAY", "MLR-NIGHT");
        bench.passes(release, "MLR-DAY");
        bench.fails(release, "MLR-NIGHT");
        return bench.submit(release);
    }

    @Test
    void theSafetyManagerWhoWaivedDoesNotCompleteTheApprovalAnotherSafetyManagerDoes() {
        Release release = failingNight();
        bench.waive(KIM, release, "MLR-NIGHT");

        bench.approve(KIM, release);
        bench.approve(ANN, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(bench.status(release).missing()).containsExactly(ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);

        bench.approve(LEE, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void theWaiverSignerStillCountsAsOneOfTheApprovers() {
        Release release = failingNight();
        bench.waive(KIM, release, "MLR-NIGHT");

        bench.approve(LEE, release);
        assertThat(bench.status(release).missing()).containsExactly("1 more approval signature(s)");
        bench.approve(KIM, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void anExpiredWaiverOfTheRoundStillBindsItsSigner_WhateverTheOrder() {
        Release release = bench.release(Asil.C, "MLR-DAY", "MLR-NIGHT");
        bench.passes(release, "MLR-DAY");
        bench.passes(release, "MLR-NIGHT");
        bench.submit(release);
        // Kim waived (a waiver that has run out since) and then approved; the gate is green on its own evidence.
        Instant then = Instant.now().minus(Duration.ofDays(10));
        bench.signatures.add(Waiver.grant(release, new RequirementId("MLR-NIGHT"), Verdict.NOT_COVERED,
                JUSTIFICATION, then.plus(Duration.ofDays(1)), KIM, "Kim Example", then));

        bench.approve(KIM, release);
        bench.approve(BOB, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(bench.status(release).missing()).containsExactly(ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
    }

    @Test
    void aFindingWaiverBindsItsSignerLikeARequirementWaiver() {
        Release release = bench.release(Asil.C, "MLR-1");
        bench.passes(release, "MLR-1");
        bench.unreadableModel(release);
        bench.submit(release);
        bench.waiveFinding(KIM, release, "unreadable-model");

        bench.approve(KIM, release);
        bench.approve(ANN, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(bench.status(release).missing()).containsExactly(ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
    }

    @Test
    void aWaiverOfAnEarlierRoundNoLongerBindsItsSigner() {
        Release release = bench.release(Asil.D, "MLR-DAY", "MLR-NIGHT");
        bench.passes(release, "MLR-DAY");
        Evidence failed = bench.fails(release, "MLR-NIGHT");
        bench.submit(release);
        bench.waive(KIM, release, "MLR-NIGHT");
        bench.as(ALICE, () -> bench.review.reopen(release.id(), "night data re-run"));
        bench.reviewed(failed, ReviewState.REJECTED);
        bench.passes(release, "MLR-NIGHT");
        bench.submit(release);

        bench.approve(KIM, release);
        bench.approve(ANN, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void belowAsilCAWaiverSignerApprovesAlone() {
        Release release = bench.release(Asil.A, "MLR-DAY", "MLR-NIGHT");
        bench.passes(release, "MLR-DAY");
        bench.fails(release, "MLR-NIGHT");
        bench.submit(release);
        bench.waive(KIM, release, "MLR-NIGHT");

        bench.approve(KIM, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }
}
