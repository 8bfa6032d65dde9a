package io.tracegate.approval.application;

import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Handing an approved release over only once the audit package frozen at its approval exists; revoking it. */
class HandOverTest {

    private final ReviewBench bench = new ReviewBench();
    private final Release release = approved();

    private Release approved() {
        Release r = bench.release(Asil.QM, "MLR-1");
        bench.passes(r, "MLR-1");
        bench.submit(r);
        bench.approve(ANN, r);
        return r;
    }

    private Release handOver() {
        return bench.as(KIM, () -> bench.review.handOver(release.id(), "HIL campaign 12"));
    }

    private static Object field(Throwable e) {
        return ((Failure) e).field();
    }

    @Test
    void anApprovedReleaseWithItsApprovalPackageIsHandedOver() {
        bench.packages.written(release, Instant.now());

        handOver();

        assertThat(release.status()).isEqualTo(ReleaseStatus.RELEASED);
        assertThat(release.statusChangedBy()).contains(KIM);
        assertThat(bench.trail.entries().get(bench.trail.entries().size() - 1))
                .satisfies(e -> assertThat(e.before() + ">" + e.after()).isEqualTo("APPROVED>RELEASED"));
    }

    @Test
    void withoutAnyApprovalPackageOrJobTheHandOverSaysToWriteIt() {
        assertThatThrownBy(this::handOver).isInstanceOf(Conflict.class).hasMessageContaining("was never requested")
                .extracting(HandOverTest::field).isEqualTo("approvalPackage");
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void whileTheApprovalPackageIsStillBeingWrittenTheHandOverWaits() {
        PackageJob job = PackageJob.atApproval(release.id(), release.reviewRound(), "tracegate", Instant.now());
        bench.jobs.add(job);
        job.start(Instant.now());
        job.reach(PackageStep.values()[0], 1, 10, Instant.now());

        assertThatThrownBy(this::handOver).isInstanceOf(Conflict.class).hasMessageContaining("still being written")
                .extracting(HandOverTest::field).isEqualTo("approvalPackage");
    }

    @Test
    void afterAFailedPackageJobTheHandOverNamesTheFailure() {
        PackageJob job = PackageJob.atApproval(release.id(), release.reviewRound(), "tracegate", Instant.now());
        bench.jobs.add(job);
        job.start(Instant.now());
        job.fail("disk full", Instant.now());

        assertThatThrownBy(this::handOver).isInstanceOf(Conflict.class).hasMessageContaining("disk full");
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void aPackageOfTheReleaseBeforeItsApprovalIsNotTheApprovalPackage() {
        Release other = bench.release(Asil.QM, "MLR-1");
        bench.passes(other, "MLR-1");
        bench.submit(other);
        bench.packages.written(other, Instant.now());
        bench.approve(ANN, other);

        assertThatThrownBy(() -> bench.as(KIM, () -> bench.review.handOver(other.id(), "HIL campaign 12")))
                .isInstanceOf(Conflict.class).extracting(HandOverTest::field).isEqualTo("approvalPackage");
    }

    @Test
    void onlyAnApprovedReleaseIsHandedOver() {
        Release inReview = bench.release(Asil.QM, "MLR-1");
        bench.passes(inReview, "MLR-1");
        bench.submit(inReview);

        assertThatThrownBy(() -> bench.as(KIM, () -> bench.review.handOver(inReview.id(), "HIL campaign 12")))
                .isInstanceOf(Conflict.class).extracting(HandOverTest::field).isEqualTo("status");
    }

    @Test
    void anApprovedOrReleasedReleaseIsRevokedWithItsReason() {
        assertThatThrownBy(() -> bench.as(KIM, () -> bench.review.revoke(release.id(), " ")))
                .isInstanceOf(InvalidInput.class).extracting(HandOverTest::field).isEqualTo("reason");
        bench.packages.written(release, Instant.now());
        handOver();

        bench.as(KIM, () -> bench.review.revoke(release.id(), "wrong calibration set"));

        assertThat(release.status()).isEqualTo(ReleaseStatus.REVOKED);
        assertThat(release.statusReason()).contains("wrong calibration set");
        assertThatThrownBy(this::handOver).isInstanceOf(Conflict.class).extracting(HandOverTest::field)
                .isEqualTo("status");
    }
}
