package io.tracegate.release.application;

import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.Pruning;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;

/** A recipe as a client describes it, with the distillation teacher still an id to resolve. */
public record RecipeDraft(Precision precision, QuantizationMethod quantization, String calibrator,
                          CalibrationDataset calibrationDataset, Pruning pruning, Long teacherReleaseId,
                          TensorRtBuild tensorRt, TargetPlatform target) {

    /** The recipe this draft describes, once its teacher id has been resolved (null: not distilled). */
    public OptimizationRecipe toRecipe(Release teacher) {
        return OptimizationRecipe.of(precision, quantization, calibrator, calibrationDataset, pruning, teacher,
                tensorRt, target);
    }
}
