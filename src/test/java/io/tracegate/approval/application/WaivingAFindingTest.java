package io.tracegate.approval.application;

import io.tracegate.approval.domain.Waiver;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static io.tracegate.approval.application.ReviewBench.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiving a cross-check finding: only an ERROR the release's cross-check reports now, by its code. The release
 * under test has an ONNX model the inspector cannot read (ERROR {@code unreadable-model}) and no recipe
 * (WARNING {@code no-recipe}); its one requirement passes.
 */
class WaivingAFindingTest {

    private final ReviewBench bench = new ReviewBench();
    private final Release release = withUnreadableModel();

    private Release withUnreadableModel() {
        Release r = bench.release(Asil.QM, "MLR-1");
        bench.passes(r, "MLR-1");
        bench.unreadableModel(r);
        return bench.submit(r);
    }

    private static Object field(Throwable e) {
        return ((Failure) e).field();
    }

    @Test
    void anErrorKeepsTheGateRedUntilWaivedByItsCode() {
        assertThatThrownBy(() -> bench.approve(ANN, release)).hasMessageContaining("cross-check unreadable-model")
                .extracting(WaivingAFindingTest::field).isEqualTo("gate");
        assertThat(bench.status(release).missing()).anyMatch(m -> m.startsWith("cross-check ERROR unreadable-model"));

        Waiver waiver = bench.waiveFinding(KIM, release, "unreadable-model");
        bench.approve(ANN, release);

        assertThat(waiver.findingCode()).contains("unreadable-model");
        assertThat(waiver.requirementId()).isEmpty();
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @Test
    void aWarningIsNotWaived() {
        assertThatThrownBy(() -> bench.waiveFinding(KIM, release, "no-recipe")).isInstanceOf(Conflict.class)
                .extracting(WaivingAFindingTest::field).isEqualTo("finding");
    }

    @Test
    void aFindingTheCrossCheckDoesNotReportIsNotWaivedInAdvance() {
        assertThatThrownBy(() -> bench.waiveFinding(KIM, release, "qat-without-qdq")).isInstanceOf(Conflict.class)
                .extracting(WaivingAFindingTest::field).isEqualTo("finding");
        assertThat(bench.signatures.waiversOf(release.id())).isEmpty();
    }

    @Test
    void somethingThatIsNoFindingCodeIsBadInput() {
        assertThatThrownBy(() -> bench.waiveFinding(KIM, release, "Unreadable Model")).isInstanceOf(InvalidInput.class)
                .extracting(WaivingAFindingTest::field).isEqualTo("finding");
    }

    @Test
    void aFindingIsWaivedOncePerRound() {
        bench.waiveFinding(KIM, release, "unreadable-model");

        assertThatThrownBy(() -> bench.waiveFinding(LEE, release, "unreadable-model"))
                .isInstanceOf(Conflict.class).hasMessageContaining("already waived");
        assertThat(bench.signatures.waiversOf(release.id())).hasSize(1);
    }
}
