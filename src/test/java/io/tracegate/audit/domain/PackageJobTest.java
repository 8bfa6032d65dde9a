package io.tracegate.audit.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageJobTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aJobRunsThroughItsStepsAndEndsWithThePackage() {
        PackageJob job = PackageJob.requested(7, "alex", T0);
        assertThat(job.state()).isEqualTo(PackageJob.State.QUEUED);
        job.start(T0.plusSeconds(1));
        assertThat(job.step()).hasValue(PackageStep.READING_RELEASE);
        job.reach(PackageStep.WRITING_ARCHIVE, 512, 2048, T0.plusSeconds(2));
        assertThat(job.stepDone()).isEqualTo(512);
        assertThat(job.stepTotal()).isEqualTo(2048);
        job.succeed(51, true, T0.plusSeconds(3));
        assertThat(job.state()).isEqualTo(PackageJob.State.SUCCEEDED);
        assertThat(job.packageId()).hasValue(51L);
        assertThat(job.wroteNewPackage()).isTrue();
        assertThat(job.stepDone()).as("a finished step is complete").isEqualTo(2048);
        assertThat(job.finishedAt()).hasValue(T0.plusSeconds(3));
    }

    @Test
    void aFinishedJobNeitherRestartsNorFailsAgain() {
        PackageJob job = PackageJob.requested(7, "alex", T0);
        job.start(T0);
        job.fail("disk full", T0.plusSeconds(1));
        assertThatThrownBy(() -> job.start(T0.plusSeconds(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.fail("again", T0.plusSeconds(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.succeed(1, true, T0.plusSeconds(2))).isInstanceOf(IllegalStateException.class);
        assertThat(job.failure()).hasValue("disk full");
    }

    @Test
    void progressIsOnlyReportedWhileRunning() {
        PackageJob job = PackageJob.requested(7, "alex", T0);
        assertThatThrownBy(() -> job.reach(PackageStep.WRITING_ARCHIVE, 1, 2, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aVeryLongFailureIsCutToWhatTheColumnHolds() {
        PackageJob job = PackageJob.requested(7, "alex", T0);
        job.fail("x".repeat(5000), T0);
        assertThat(job.failure().orElseThrow()).hasSize(2000).endsWith("...");
    }

    @Test
    void theApprovalJobRefusesAnyStateButTheApprovedRoundItWasAskedFor() {
        PackageJob job = PackageJob.atApproval(7, 2, "alex", T0);
        assertThat(job.mismatchWith("APPROVED", 2)).isEmpty();
        assertThat(job.mismatchWith("RELEASED", 2)).hasValueSatisfying(why -> assertThat(why)
                .contains("now RELEASED in round 2", "not APPROVED in round 2"));
        assertThat(job.mismatchWith("APPROVED", 3)).isPresent();
    }

    @Test
    void aRequestedJobTakesTheReleaseAsItIs() {
        assertThat(PackageJob.requested(7, "alex", T0).mismatchWith("DRAFT", 0)).isEmpty();
    }

    @Test
    void aJobThisServerLeftUnfinishedBeforeItsRestartIsLeftBehindButNotAnotherServersOrANewOne() {
        PackageJob mine = PackageJob.requested(7, "alex", T0);
        mine.runOn("server-a");
        mine.start(T0.plusSeconds(1));
        java.time.Instant restart = T0.plusSeconds(60);
        assertThat(mine.leftBehindBy("server-a", restart)).isTrue();
        assertThat(mine.leftBehindBy("server-b", restart)).as("another server's job keeps the age rule").isFalse();
        assertThat(mine.leftBehindBy("server-a", T0)).as("touched during this run").isFalse();
        mine.fail("interrupted", restart);
        assertThat(mine.leftBehindBy("server-a", restart.plusSeconds(1))).as("finished").isFalse();
        assertThat(PackageJob.requested(7, "alex", T0).leftBehindBy("server-a", restart))
                .as("a job of before jobs named their server").isFalse();
    }
}
