package io.tracegate.release.domain;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static io.tracegate.release.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseTest {

    private final Model detector = Fixtures.model(1, "detector");

    @Test
    void draftStartsAsDraftWithoutRecipe() {
        Release release = Release.draft(detector, new SemanticVersion("2.0.0-int8"), "INT8 build", null, "bob", NOW);

        assertThat(release.status()).isEqualTo(ReleaseStatus.DRAFT);
        assertThat(release.recipe()).isEmpty();
        assertThat(release.reference()).isEmpty();
        assertThat(release.model()).isSameAs(detector);
        assertThat(release.version()).isEqualTo(new SemanticVersion("2.0.0-int8"));
        assertThat(release.label()).isEqualTo("detector@2.0.0-int8");
        assertThat(release.createdBy()).isEqualTo("bob");
        assertThat(release.createdAt()).isEqualTo(NOW);
    }

    @Test
    void draftKeepsAReferenceOfTheSameModel() {
        Release reference = Fixtures.draft(Fixtures.model(1, "detector"), "1.0.0", 10);

        Release release = Release.draft(detector, new SemanticVersion("1.0.0-int8"), null, reference, "bob", NOW);

        assertThat(release.reference()).containsSame(reference);
    }

    @Test
    void draftRefusesAReferenceOfAnotherModel() {
        Release otherModelsRelease = Fixtures.draft(Fixtures.model(2, "segmenter"), "1.0.0", 10);

        assertThatThrownBy(() -> Release.draft(detector, new SemanticVersion("1.0.0-int8"), null, otherModelsRelease,
                "bob", NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("referenceReleaseId");
                    assertThat(e.getMessage()).contains("segmenter@1.0.0").contains("detector");
                });
    }

    @Test
    void draftRefusesADescriptionLongerThan4000Characters() {
        assertThatThrownBy(() -> Release.draft(detector, new SemanticVersion("1.0.0"), "d".repeat(4001), null,
                "bob", NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void attachRecipeToADraftRecordsRecipeAuthorAndTime() {
        Release release = Fixtures.draft(detector, "1.0.0");
        OptimizationRecipe recipe = Fixtures.fp32Recipe();
        Instant later = NOW.plusSeconds(60);

        release.attachRecipe(recipe, "carol", later);

        assertThat(release.recipe()).containsSame(recipe);
        assertThat(release.recipeUpdatedBy()).contains("carol");
        assertThat(release.recipeUpdatedAt()).contains(later);
    }

    @ParameterizedTest
    @EnumSource(value = ReleaseStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void attachRecipeToAReleaseThatLeftDraftIsAConflict(ReleaseStatus status) {
        Release release = Fixtures.withStatus(Fixtures.draft(detector, "1.0.0"), status);

        assertThatThrownBy(() -> release.attachRecipe(Fixtures.fp32Recipe(), "carol", NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.getMessage()).contains(status.name());
                });
        assertThat(release.recipe()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ReleaseStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void artifactsCannotBeRecordedOnAReleaseThatLeftDraft(ReleaseStatus status) {
        Release release = Fixtures.withStatus(Fixtures.draft(detector, "1.0.0"), status);
        StoredBlob blob = new StoredBlob(new Sha256("a".repeat(64)), 3);

        assertThatThrownBy(() -> Artifact.record(release, new ArtifactFileName("model.onnx"), ArtifactKind.ONNX_MODEL,
                blob, null, "carol", NOW))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aReleaseCannotBeItsOwnDistillationTeacher() {
        Release release = Fixtures.draft(detector, "1.0.0", 5);

        assertThatThrownBy(() -> release.attachRecipe(Fixtures.fp32RecipeTaughtBy(release), "carol", NOW))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("distillation.teacherReleaseId"));
        assertThat(release.recipe()).isEmpty();
    }

    @Test
    void anotherReleaseMayBeTheDistillationTeacher() {
        Release teacher = Fixtures.draft(detector, "1.0.0", 5);
        Release student = Fixtures.draft(detector, "1.0.0-int8", 6);

        student.attachRecipe(Fixtures.fp32RecipeTaughtBy(teacher), "carol", NOW);

        assertThat(student.recipe().orElseThrow().teacher()).containsSame(teacher);
    }
}
