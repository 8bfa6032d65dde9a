package io.tracegate.release.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseLifecycleTest {

    private static final String DIGEST = "a".repeat(64);

    private static Release draftWithBaseline() {
        Release release = Fixtures.draft(Fixtures.model(1, "fcod"), "1.0.0", 7);
        release.useBaseline(3);
        return release;
    }

    @Test
    void submittingFreezesTheContentAndStartsARound() {
        Release release = draftWithBaseline();
        release.submitForReview(DIGEST, "mira", Fixtures.NOW);

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThat(release.reviewRound()).isEqualTo(1);
        assertThat(release.manifestDigest()).hasValue(DIGEST);
        assertThatThrownBy(() -> release.attachRecipe(Fixtures.fp32Recipe(), "mira", Fixtures.NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> release.useBaseline(4)).isInstanceOf(Conflict.class);
    }

    @Test
    void aReleaseWithoutBaselineCannotBeSubmitted() {
        Release release = Fixtures.draft(Fixtures.model(1, "fcod"), "1.0.0", 7);
        assertThatThrownBy(() -> release.submitForReview(DIGEST, "mira", Fixtures.NOW))
                .isInstanceOf(Conflict.class).hasMessageContaining("baseline");
    }

    @Test
    void reopeningNeedsAReasonClearsTheDigestAndTheNextReviewIsANewRound() {
        Release release = draftWithBaseline();
        release.submitForReview(DIGEST, "mira", Fixtures.NOW);
        assertThatThrownBy(() -> release.reopen("kim", Fixtures.NOW, " ")).isInstanceOf(InvalidInput.class);

        release.reopen("kim", Fixtures.NOW, "calibration set was wrong");
        assertThat(release.status()).isEqualTo(ReleaseStatus.DRAFT);
        assertThat(release.manifestDigest()).isEmpty();
        release.submitForReview("b".repeat(64), "mira", Fixtures.NOW);
        assertThat(release.reviewRound()).isEqualTo(2);
    }

    @Test
    void onlyTheDocumentedTransitionsAreAllowed() {
        Release release = draftWithBaseline();
        assertThatThrownBy(() -> release.approve("alex", Fixtures.NOW)).isInstanceOf(Conflict.class)
                .hasMessageContaining("DRAFT");
        assertThatThrownBy(() -> release.release("kim", Fixtures.NOW, "sop")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> release.revoke("kim", Fixtures.NOW, "bad")).isInstanceOf(Conflict.class);

        release.submitForReview(DIGEST, "mira", Fixtures.NOW);
        release.approve("alex", Fixtures.NOW);
        assertThatThrownBy(() -> release.reopen("kim", Fixtures.NOW, "x")).isInstanceOf(Conflict.class);
        release.release("kim", Fixtures.NOW, "HIL campaign 12");
        release.revoke("kim", Fixtures.NOW, "field issue FI-88");
        assertThat(release.status()).isEqualTo(ReleaseStatus.REVOKED);
        assertThat(release.statusReason()).hasValue("field issue FI-88");
        assertThatThrownBy(() -> release.revoke("kim", Fixtures.NOW, "again")).isInstanceOf(Conflict.class);
    }

    @Test
    void aSignatureMustBeOverTheCurrentDigest() {
        Release release = draftWithBaseline();
        assertThatThrownBy(() -> release.ensureSignable(DIGEST)).isInstanceOf(Conflict.class);
        release.submitForReview(DIGEST, "mira", Fixtures.NOW);
        release.ensureSignable(DIGEST);
        assertThatThrownBy(() -> release.ensureSignable("c".repeat(64))).isInstanceOf(Conflict.class)
                .hasMessageContaining("reload");
    }
}
