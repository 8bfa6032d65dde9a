package io.tracegate.release.domain;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How a release was derived from its reference: precision, quantization (with the calibration data set
 * for PTQ), pruning, distillation teacher, TensorRT build and target. The rules that make a recipe
 * coherent are checked here; whether the artifacts really match it is the evidence cross-check's job.
 */
@Embeddable
public class OptimizationRecipe {

    @Enumerated(EnumType.STRING)
    @Column(name = "recipe_precision")
    private Precision precision;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipe_quantization")
    private QuantizationMethod quantization;

    @Column(name = "recipe_calibrator")
    private String calibrator;

    @Column(name = "recipe_calib_set_name")
    private String calibrationSetName;

    @Column(name = "recipe_calib_set_size")
    private Integer calibrationSetSize;

    @Column(name = "recipe_calib_set_sha256")
    private String calibrationSetSha256;

    @Column(name = "recipe_pruning_method")
    private String pruningMethod;

    @Column(name = "recipe_pruning_sparsity")
    private BigDecimal pruningSparsity;

    @ManyToOne
    @JoinColumn(name = "recipe_teacher_id")
    private Release teacher;

    @Column(name = "recipe_trt_version")
    private String tensorRtVersion;

    @Convert(converter = FlagListConverter.class)
    @Column(name = "recipe_builder_flags")
    private List<String> builderFlags;

    @Column(name = "recipe_target_hardware")
    private String targetHardware;

    @Column(name = "recipe_target_platform")
    private String targetPlatform;

    protected OptimizationRecipe() {
    }

    /**
     * @param calibrator  the calibrator (e.g. "entropy2", "minmax", "percentile-99.99"); PTQ only
     * @param calibration the calibration set; required for PTQ
     * @param pruning     absent when the model is not pruned
     * @param teacher     the distillation teacher, absent when not distilled
     */
    public static OptimizationRecipe of(Precision precision, QuantizationMethod quantization, String calibrator,
                                        CalibrationDataset calibration, Pruning pruning, Release teacher,
                                        TensorRtBuild tensorRt, TargetPlatform target) {
        require(precision, "precision");
        require(quantization, "quantization.method");
        require(tensorRt, "tensorRt");
        require(target, "target");
        if (precision.isQuantized() && quantization == QuantizationMethod.NONE) {
            throw new InvalidInput("quantization.method", precision + " precision needs PTQ or QAT, not NONE");
        }
        if (!precision.isQuantized() && quantization != QuantizationMethod.NONE) {
            throw new InvalidInput("quantization.method", precision + " precision is not integer-quantized; use NONE");
        }
        if (quantization == QuantizationMethod.PTQ && calibration == null) {
            throw new InvalidInput("quantization.calibrationDataset",
                    "PTQ needs the calibration data set (name, sample count, SHA-256)");
        }
        if (quantization == QuantizationMethod.PTQ && (calibrator == null || calibrator.isBlank())) {
            throw new InvalidInput("quantization.calibrator", "PTQ needs the calibrator, e.g. entropy2 or minmax");
        }
        if (quantization == QuantizationMethod.NONE && calibration != null) {
            throw new InvalidInput("quantization.calibrationDataset", "a recipe without quantization has no calibration set");
        }
        if (quantization != QuantizationMethod.PTQ && calibrator != null) {
            throw new InvalidInput("quantization.calibrator", "only PTQ uses a calibrator");
        }
        if (calibrator != null && calibrator.length() > 100) {
            throw new InvalidInput("quantization.calibrator", "must be at most 100 characters");
        }
        OptimizationRecipe recipe = new OptimizationRecipe();
        recipe.precision = precision;
        recipe.quantization = quantization;
        recipe.calibrator = calibrator;
        if (calibration != null) {
            recipe.calibrationSetName = calibration.name();
            recipe.calibrationSetSize = calibration.sampleCount();
            recipe.calibrationSetSha256 = calibration.sha256().hex();
        }
        if (pruning != null) {
            recipe.pruningMethod = pruning.method();
            recipe.pruningSparsity = BigDecimal.valueOf(pruning.sparsity());
        }
        recipe.teacher = teacher;
        recipe.tensorRtVersion = tensorRt.version();
        recipe.builderFlags = tensorRt.builderFlags();
        recipe.targetHardware = target.hardware();
        recipe.targetPlatform = target.platform();
        return recipe;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
    }

    boolean isPresent() {
        return precision != null;
    }

    boolean hasTeacher(Release release) {
        return teacher != null && teacher == release;
    }

    public Precision precision() {
        return precision;
    }

    public QuantizationMethod quantization() {
        return quantization;
    }

    public Optional<String> calibrator() {
        return Optional.ofNullable(calibrator);
    }

    public Optional<CalibrationDataset> calibrationDataset() {
        return calibrationSetName == null ? Optional.empty()
                : Optional.of(new CalibrationDataset(calibrationSetName, calibrationSetSize, new Sha256(calibrationSetSha256)));
    }

    public Optional<Pruning> pruning() {
        return pruningMethod == null ? Optional.empty() : Optional.of(new Pruning(pruningMethod, pruningSparsity.doubleValue()));
    }

    public Optional<Release> teacher() {
        return Optional.ofNullable(teacher);
    }

    public TensorRtBuild tensorRt() {
        return new TensorRtBuild(tensorRtVersion, builderFlags);
    }

    public TargetPlatform target() {
        return new TargetPlatform(targetHardware, targetPlatform);
    }
}
