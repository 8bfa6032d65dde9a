package io.tracegate.release.interfaces;

import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Release;

import java.time.Instant;
import java.util.List;

/** The optimization recipe in the same shape clients send it in (see {@link RecipeJson}). */
public record RecipeView(String precision, Quantization quantization, Pruning pruning, Distillation distillation,
                         TensorRt tensorRt, Target target, Instant updatedAt, String updatedBy) {

    public record Quantization(String method, String calibrator, CalibrationDataset calibrationDataset) {
    }

    public record CalibrationDataset(String name, int sampleCount, String sha256) {
    }

    public record Pruning(String method, double sparsity) {
    }

    public record Distillation(long teacherReleaseId, String teacherRelease) {
    }

    public record TensorRt(String version, List<String> builderFlags) {
    }

    public record Target(String hardware, String platform) {
    }

    static RecipeView of(Release release) {
        return release.recipe().map(recipe -> of(recipe, release)).orElse(null);
    }

    private static RecipeView of(OptimizationRecipe recipe, Release release) {
        return new RecipeView(recipe.precision().name(),
                new Quantization(recipe.quantization().name(), recipe.calibrator().orElse(null),
                        recipe.calibrationDataset()
                                .map(set -> new CalibrationDataset(set.name(), set.sampleCount(), set.sha256().hex()))
                                .orElse(null)),
                recipe.pruning().map(p -> new Pruning(p.method(), p.sparsity())).orElse(null),
                recipe.teacher().map(t -> new Distillation(t.id(), t.label())).orElse(null),
                new TensorRt(recipe.tensorRt().version(), recipe.tensorRt().builderFlags()),
                new Target(recipe.target().hardware(), recipe.target().platform()),
                release.recipeUpdatedAt().orElse(null), release.recipeUpdatedBy().orElse(null));
    }
}
