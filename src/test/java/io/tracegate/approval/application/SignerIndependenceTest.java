package io.tracegate.approval.application;

import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.tracegate.approval.application.ReviewBench.ANN;
import static io.tracegate.approval.application.ReviewBench.BOB;
import static io.tracegate.approval.application.ReviewBench.KIM;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Separation of duties under the standard policy: whoever created a release never signs it; whoever uploaded
 * an artifact or evidence of it does not sign it at ASIL C and D, and may below.
 */
class SignerIndependenceTest {

    private static final String CARL = "carl";

    private final ReviewBench bench = new ReviewBench();

    SignerIndependenceTest() {
        bench.person(CARL, ML_ENGINEER, APPROVER, SAFETY_MANAGER);
    }

    private Release green(String creator, Asil asil) {
        Release release = bench.release(creator, asil, "MLR-1");
        bench.passes(release, "MLR-1");
        return release;
    }

    @ParameterizedTest
    @EnumSource(Asil.class)
    void theCreatorOfAReleaseNeverSignsIt(Asil asil) {
        Release release = bench.submit(green(CARL, asil));

        assertThatThrownBy(() -> bench.approve(CARL, release)).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("created").extracting(e -> ((Failure) e).field()).isEqualTo("signer");
        assertThatThrownBy(() -> bench.sign(CARL, release, io.tracegate.approval.domain.SignatureMeaning.REJECT))
                .isInstanceOf(NotPermitted.class);
        assertThat(bench.signatures.ofRelease(release.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Asil.class, names = {"C", "D"})
    void anUploaderOfAnArtifactDoesNotSignAnAsilCOrDRelease(Asil asil) {
        Release release = green(ReviewBench.ALICE, asil);
        bench.artifact(release, CARL);
        bench.submit(release);

        assertThatThrownBy(() -> bench.approve(CARL, release)).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("uploaded").extracting(e -> ((Failure) e).field()).isEqualTo("signer");
    }

    @ParameterizedTest
    @EnumSource(value = Asil.class, names = {"C", "D"})
    void anUploaderOfEvidenceDoesNotSignAnAsilCOrDReleaseEvenEvidenceThatWasRejected(Asil asil) {
        Release release = green(ReviewBench.ALICE, asil);
        bench.reviewed(bench.testReport(release, CARL, "MLR-1", TestOutcome.PASSED),
                io.tracegate.evidence.domain.ReviewState.REJECTED);
        bench.submit(release);

        assertThatThrownBy(() -> bench.approve(CARL, release)).isInstanceOf(NotPermitted.class)
                .extracting(e -> ((Failure) e).field()).isEqualTo("signer");
        bench.approve(ANN, release);
        bench.approve(KIM, release);
        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = Asil.class, names = {"QM", "A", "B"})
    void belowAsilCAnUploaderWhoDidNotCreateTheReleaseMaySignIt(Asil asil) {
        Release release = green(ReviewBench.ALICE, asil);
        bench.artifact(release, CARL);
        bench.reviewed(bench.testReport(release, CARL, "MLR-1", TestOutcome.PASSED),
                io.tracegate.evidence.domain.ReviewState.ACCEPTED);
        bench.submit(release);

        bench.approve(CARL, release);

        assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = Asil.class, names = {"C", "D"})
    void anIndependentSignerBesideAnUploaderStillSigns(Asil asil) {
        Release release = green(ReviewBench.ALICE, asil);
        bench.artifact(release, BOB);
        bench.submit(release);

        assertThatThrownBy(() -> bench.approve(BOB, release)).isInstanceOf(NotPermitted.class);
        assertThat(bench.approve(ANN, release).signer()).isEqualTo(ANN);
    }
}
