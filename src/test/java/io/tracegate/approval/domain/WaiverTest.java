package io.tracegate.approval.domain;

import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.Finding.Severity;
import io.tracegate.evidence.domain.Verdict;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.SemanticVersion;
import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaiverTest {

    private static final Instant NOW = Instant.parse("2026-11-19T12:00:00Z");
    private static final Instant IN_90_DAYS = NOW.plus(Duration.ofDays(90));
    private static final String WHY = "The QAT export is re-run in sprint 48; the HIL use is limited to test tracks.";
    private static final Finding QAT_ERROR = new Finding(Severity.ERROR, "qat-without-qdq", "no Q/DQ nodes");

    @Test
    void aFindingIsWaivedByItsCodeWhileTheCrossCheckReportsItAsAnError() {
        Release release = inReview();

        Waiver waiver = Waiver.grantForFinding(release, "qat-without-qdq", List.of(QAT_ERROR), WHY, IN_90_DAYS,
                "kim", "Kim Manager", NOW);

        assertThat(waiver.findingCode()).contains("qat-without-qdq");
        assertThat(waiver.requirementId()).isEmpty();
        assertThat(waiver.verdictWaived()).isEmpty();
        assertThat(waiver.isValidFor(release, NOW.plusSeconds(60))).isTrue();
        assertThat(waiver.round()).isEqualTo(1);
    }

    @Test
    void aWarningOrAFindingNotReportedNowCannotBeWaived() {
        Release release = inReview();
        Finding warning = new Finding(Severity.WARNING, "ptq-implicit-quantization", "no Q/DQ nodes, PTQ");

        for (List<Finding> current : List.of(List.of(warning), List.<Finding>of(),
                List.of(new Finding(Severity.ERROR, "pruning-not-found", "dense")))) {
            String code = current.isEmpty() ? "qat-without-qdq" : "ptq-implicit-quantization";
            assertThatThrownBy(() -> Waiver.grantForFinding(release, code, current, WHY, IN_90_DAYS, "kim", "Kim", NOW))
                    .as(current.toString()).isInstanceOf(Conflict.class)
                    .extracting(e -> ((Failure) e).field()).isEqualTo("finding");
        }
    }

    @Test
    void aFindingCodeThatIsNoCodeIsBadInputNamingTheField() {
        Release release = inReview();
        for (String code : new String[] {"", "QAT without QDQ", "-x", "x".repeat(101)}) {
            assertThatThrownBy(() -> Waiver.grantForFinding(release, code, List.of(QAT_ERROR), WHY, IN_90_DAYS, "kim",
                    "Kim", NOW)).as(code).isInstanceOf(InvalidInput.class)
                    .extracting(e -> ((Failure) e).field()).isEqualTo("finding");
        }
    }

    @Test
    void aFindingWaiverNeedsTheSameJustificationAndExpiryAsARequirementWaiver() {
        Release release = inReview();
        assertThatThrownBy(() -> Waiver.grantForFinding(release, "qat-without-qdq", List.of(QAT_ERROR), "too short",
                IN_90_DAYS, "kim", "Kim", NOW)).extracting(e -> ((Failure) e).field()).isEqualTo("justification");
        assertThatThrownBy(() -> Waiver.grantForFinding(release, "qat-without-qdq", List.of(QAT_ERROR), WHY,
                NOW.plus(Duration.ofDays(400)), "kim", "Kim", NOW)).extracting(e -> ((Failure) e).field())
                .isEqualTo("expiresAt");
    }

    @Test
    void anExpiredWaiverStillMarksItsSignerAsPartOfTheRoundUntilTheReleaseIsReopened() {
        Release release = inReview();
        Waiver waiver = Waiver.grant(release, new RequirementId("MLR-PED-NIGHT"), Verdict.NOT_COVERED, WHY,
                NOW.plusSeconds(3600), "kim", "Kim Manager", NOW);
        Instant later = NOW.plusSeconds(7200);

        assertThat(waiver.isValidFor(release, later)).isFalse();
        assertThat(waiver.isOfCurrentRound(release)).as("expired, still signed in this round").isTrue();
        assertThat(waiver.requirementId()).contains(new RequirementId("MLR-PED-NIGHT"));
        assertThat(waiver.findingCode()).isEmpty();

        release.reopen("mira", later, "new calibration cache");
        release.submitForReview("b".repeat(64), "mira", later);
        assertThat(waiver.isOfCurrentRound(release)).isFalse();
    }

    private static Release inReview() {
        Model model = Model.register(new ModelName("front-camera-detector"), null, "alice", NOW);
        set(model, "id", 3L);
        Release release = Release.draft(model, new SemanticVersion("4.2.0-int8.1"), null, null, "alice", NOW);
        set(release, "id", 7L);
        release.useBaseline(11L);
        release.submitForReview("a".repeat(64), "mira", NOW);
        return release;
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
