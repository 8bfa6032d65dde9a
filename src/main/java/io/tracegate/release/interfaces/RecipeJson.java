package io.tracegate.release.interfaces;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.release.application.RecipeDraft;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.Pruning;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;

/**
 * Reads a recipe body:
 * <pre>
 * { "precision": "INT8",
 *   "quantization": { "method": "PTQ", "calibrator": "entropy2",
 *                     "calibrationDataset": { "name": "...", "sampleCount": 1024, "sha256": "..." } },
 *   "pruning": { "method": "2:4-structured", "sparsity": 0.5 },
 *   "distillation": { "teacherReleaseId": 7 },
 *   "tensorRt": { "version": "10.3.0", "builderFlags": ["--int8", "--fp16"] },
 *   "target": { "hardware": "NVIDIA DRIVE AGX Orin", "platform": "DRIVE OS 6.0.10" } }
 * </pre>
 */
public final class RecipeJson {

    private RecipeJson() {
    }

    public static RecipeDraft read(JsonFields body) {
        body.allowOnly("precision", "quantization", "pruning", "distillation", "tensorRt", "target");
        Precision precision = body.requiredEnum("precision", Precision.class);

        JsonFields quantization = body.requiredObject("quantization")
                .allowOnly("method", "calibrator", "calibrationDataset");
        QuantizationMethod method = quantization.requiredEnum("method", QuantizationMethod.class);
        String calibrator = quantization.optionalString("calibrator");
        JsonFields calibration = quantization.optionalObject("calibrationDataset");
        CalibrationDataset dataset = calibration == null ? null : new CalibrationDataset(
                calibration.allowOnly("name", "sampleCount", "sha256").requiredString("name"),
                calibration.requiredInt("sampleCount"),
                Sha256.parse(calibration.path() + ".sha256", calibration.requiredString("sha256")));

        JsonFields pruningJson = body.optionalObject("pruning");
        Pruning pruning = pruningJson == null ? null : new Pruning(
                pruningJson.allowOnly("method", "sparsity").requiredString("method"),
                pruningJson.requiredDouble("sparsity"));

        JsonFields distillation = body.optionalObject("distillation");
        Long teacher = distillation == null ? null
                : distillation.allowOnly("teacherReleaseId").optionalLong("teacherReleaseId");

        JsonFields trt = body.requiredObject("tensorRt").allowOnly("version", "builderFlags");
        TensorRtBuild tensorRt = new TensorRtBuild(trt.requiredString("version"), trt.optionalStrings("builderFlags"));

        JsonFields targetJson = body.requiredObject("target").allowOnly("hardware", "platform");
        TargetPlatform target = new TargetPlatform(targetJson.requiredString("hardware"),
                targetJson.optionalString("platform"));

        return new RecipeDraft(precision, method, calibrator, dataset, pruning, teacher, tensorRt, target);
    }
}
