package io.tracegate.approval.application;

import io.tracegate.approval.domain.Waiver;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.EVE;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static io.tracegate.approval.application.ReviewBench.LEE;
import static io.tracegate.platform.security.Roles.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * From IN_REVIEW on, the evidence reviews are part of what the signers saw: no new review until the release is
 * reopened; and handing over checks the gate and the approval rule again, as they are at that moment.
 */
class WhatWasSignedShipsTest {

    private final ReviewBench bench = new ReviewBench();

    private static Object field(Throwable e) {
        return ((Failure) e).field();
    }

    private Release handOver(Release release) {
        return bench.as(KIM, () -> bench.review.handOver(release.id(), "HIL campaign 12"));
    }

    @Test
    void aReviewOfAReleaseInReviewIsRefusedUntilItIsReopened() {
        Release release = bench.release(Asil.QM, "MLR-1");
        Evidence item = bench.passes(release, "MLR-1");
        bench.submit(release);

        assertThatThrownBy(() -> bench.reviewed(item, ReviewState.REJECTED)).isInstanceOf(Conflict.class)
                .hasMessageContaining("reopen").extracting(WhatWasSignedShipsTest::field).isEqualTo("status");
        assertThat(item.reviewState()).isEqualTo(ReviewState.ACCEPTED);

        bench.as(ReviewBench.ALICE, () -> bench.review.reopen(release.id(), "the run log needs a second look"));
        bench.reviewed(item, ReviewState.REJECTED);
        assertThat(item.reviewState()).isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void aReviewOfAnApprovedReleaseIsRefusedAndTheGateStaysAsSigned() {
        Release release = bench.release(Asil.QM, "MLR-1");
        Evidence item = bench.passes(release, "MLR-1");
        bench.submit(release);
        bench.approve(ANN, release);
        bench.packages.written(release, Instant.now());

        assertThatThrownBy(() -> bench.reviewed(item, ReviewState.REJECTED)).isInstanceOf(Conflict.class)
                .hasMessageContaining("APPROVED");
        assertThat(bench.status(release).missing()).isEmpty();
        assertThat(handOver(release).status()).isEqualTo(ReleaseStatus.RELEASED);
    }

    @Test
    void aWaiverThatExpiredAfterApprovalKeepsTheReleaseFromBeingHandedOver() throws InterruptedException {
        Release release = bench.release(Asil.QM, "MLR-1", "MLR-2");
        bench.passes(release, "MLR-1");
        bench.submit(release);
        Instant expiry = Instant.now().plus(Duration.ofMillis(1500));
        String secret = bench.challenge(KIM, release).secret().value();
        String code = bench.code(KIM);
        Waiver waiver = bench.as(KIM, () -> bench.signing.waive(release.id(), new RequirementId("MLR-2"),
                ReviewBench.JUSTIFICATION, expiry, bench.digest(release), secret, ReviewBench.password(KIM).toCharArray(),
                code));
        assertThat(waiver.isValidFor(release, Instant.now())).isTrue();
        bench.approve(ANN, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
        bench.packages.written(release, Instant.now());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 50));

        assertThatThrownBy(() -> handOver(release)).isInstanceOf(Conflict.class).hasMessageContaining("MLR-2")
                .extracting(WhatWasSignedShipsTest::field).isEqualTo("gate");
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void anApprovalThatNoLongerMeetsTheRuleIsNotHandedOver() {
        Release release = bench.release(Asil.D, "MLR-1");
        bench.passes(release, "MLR-1");
        bench.submit(release);
        bench.approve(ANN, release);
        bench.approve(LEE, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
        bench.packages.written(release, Instant.now());
        bench.accounts.named(LEE).orElseThrow().changeRoles(Set.of(APPROVER));

        assertThatThrownBy(() -> handOver(release)).isInstanceOf(Conflict.class).hasMessageContaining("safety manager")
                .extracting(WhatWasSignedShipsTest::field).isEqualTo("approval");
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void anUnreviewedItemOfAnAsilBReleaseMustBeReviewedBeforeSubmittingNotAfter() {
        Release release = bench.release(Asil.B, "MLR-1");
        bench.passes(release, "MLR-1");
        Evidence late = bench.testReport(release, EVE, "MLR-1", TestOutcome.PASSED);
        bench.submit(release);

        assertThat(bench.status(release).missing()).anyMatch(m -> m.contains("not reviewed"));
        assertThatThrownBy(() -> bench.reviewed(late, ReviewState.ACCEPTED)).isInstanceOf(Conflict.class);
    }
}
