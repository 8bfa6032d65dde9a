package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static io.tracegate.release.domain.Fixtures.calibration;
import static io.tracegate.release.domain.Fixtures.target;
import static io.tracegate.release.domain.Fixtures.tensorRt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizationRecipeTest {

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"INT8", "MIXED"})
    void integerPrecisionWithoutQuantizationIsRefusedNamingTheMethod(Precision precision) {
        assertThatThrownBy(() -> OptimizationRecipe.of(precision, QuantizationMethod.NONE, null, null, null, null,
                tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("quantization.method");
                    assertThat(e.getMessage()).contains(precision.name()).contains("PTQ or QAT");
                });
    }

    @Test
    void floatingPointPrecisionWithPtqIsRefusedNamingTheMethod() {
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.FP16, QuantizationMethod.PTQ, "entropy2",
                calibration(), null, null, tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("quantization.method");
                    assertThat(e.getMessage()).contains("use NONE");
                });
    }

    @Test
    void ptqWithoutCalibrationDatasetIsRefused() {
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.INT8, QuantizationMethod.PTQ, "entropy2", null,
                null, null, tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrationDataset"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void ptqWithoutCalibratorIsRefused(String blank) {
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.INT8, QuantizationMethod.PTQ, null, calibration(),
                null, null, tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrator"));
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.INT8, QuantizationMethod.PTQ, blank, calibration(),
                null, null, tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrator"));
    }

    @Test
    void qatWithACalibratorIsRefused() {
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.INT8, QuantizationMethod.QAT, "minmax", null, null,
                null, tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("quantization.calibrator");
                    assertThat(e.getMessage()).contains("only PTQ");
                });
    }

    @Test
    void calibratorNameLongerThanOneHundredCharactersIsRefused() {
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.INT8, QuantizationMethod.PTQ, "c".repeat(101),
                calibration(), null, null, tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrator"));
    }

    @Test
    void qatRecipeNeedsNoCalibration() {
        OptimizationRecipe recipe = OptimizationRecipe.of(Precision.INT8, QuantizationMethod.QAT, null, null, null,
                null, tensorRt(), target());

        assertThat(recipe.quantization()).isEqualTo(QuantizationMethod.QAT);
        assertThat(recipe.calibrator()).isEmpty();
        assertThat(recipe.calibrationDataset()).isEmpty();
    }

    @Test
    void validInt8PtqRecipeKeepsEveryValue() {
        Release teacher = Fixtures.draft(Fixtures.model(1, "detector"), "1.0.0");
        Pruning pruning = new Pruning("2:4-structured", 0.5);

        OptimizationRecipe recipe = OptimizationRecipe.of(Precision.INT8, QuantizationMethod.PTQ, "entropy2",
                calibration(), pruning, teacher, tensorRt(), target());

        assertThat(recipe.precision()).isEqualTo(Precision.INT8);
        assertThat(recipe.quantization()).isEqualTo(QuantizationMethod.PTQ);
        assertThat(recipe.calibrator()).contains("entropy2");
        assertThat(recipe.calibrationDataset()).contains(calibration());
        assertThat(recipe.pruning()).contains(pruning);
        assertThat(recipe.teacher()).containsSame(teacher);
        assertThat(recipe.tensorRt()).isEqualTo(new TensorRtBuild("10.3.0", List.of("--int8", "--fp16")));
        assertThat(recipe.target()).isEqualTo(new TargetPlatform("NVIDIA DRIVE AGX Orin", "DRIVE OS 6.0.10"));
    }

    @Test
    void fp32RecipeHasNoQuantizationPruningOrTeacher() {
        OptimizationRecipe recipe = Fixtures.fp32Recipe();

        assertThat(recipe.precision()).isEqualTo(Precision.FP32);
        assertThat(recipe.quantization()).isEqualTo(QuantizationMethod.NONE);
        assertThat(recipe.calibrator()).isEmpty();
        assertThat(recipe.pruning()).isEmpty();
        assertThat(recipe.teacher()).isEmpty();
    }

    @Test
    void missingPartsAreRefusedNamingThem() {
        assertThatThrownBy(() -> OptimizationRecipe.of(null, QuantizationMethod.NONE, null, null, null, null,
                tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("precision"));
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.FP32, null, null, null, null, null,
                tensorRt(), target()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("quantization.method"));
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.FP32, QuantizationMethod.NONE, null, null, null,
                null, null, target()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("tensorRt"));
        assertThatThrownBy(() -> OptimizationRecipe.of(Precision.FP32, QuantizationMethod.NONE, null, null, null,
                null, tensorRt(), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("target"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void pruningSparsityOutsideZeroToOneIsRefused(double sparsity) {
        assertThatThrownBy(() -> new Pruning("unstructured", sparsity))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("pruning.sparsity"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.5, 0.999})
    void pruningSparsityInsideZeroToOneIsKept(double sparsity) {
        OptimizationRecipe recipe = OptimizationRecipe.of(Precision.FP16, QuantizationMethod.NONE, null, null,
                new Pruning("unstructured", sparsity), null, tensorRt(), target());

        assertThat(recipe.pruning().orElseThrow().sparsity()).isEqualTo(sparsity);
    }

    @Test
    void builderFlagWithASpaceIsRefusedNamingItsIndex() {
        assertThatThrownBy(() -> new TensorRtBuild("10.3.0", List.of("--int8", "--fp16", "--saveEngine=a b.plan")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("tensorRt.builderFlags[2]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"int8", "--", "--int8\n--fp16", "--1x", ""})
    void malformedBuilderFlagsAreRefused(String flag) {
        assertThatThrownBy(() -> new TensorRtBuild("10.3.0", List.of(flag)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("tensorRt.builderFlags[0]"));
    }

    @Test
    void builderFlagsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<String> flags = new java.util.ArrayList<>(List.of("--int8"));
        TensorRtBuild build = new TensorRtBuild("10.3.0", flags);
        flags.add("--bad flag");

        assertThat(build.builderFlags()).containsExactly("--int8");
    }

    @Test
    void moreThanOneHundredBuilderFlagsAreRefused() {
        String[] flags = new String[101];
        Arrays.fill(flags, "--int8");

        assertThatThrownBy(() -> new TensorRtBuild("10.3.0", List.of(flags)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("tensorRt.builderFlags"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "v10.3.0", "10.3.0.1.2", "10.3.0-ea"})
    void tensorRtVersionMustBeNumeric(String version) {
        assertThatThrownBy(() -> new TensorRtBuild(version, List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("tensorRt.version"));
    }

    @Test
    void calibrationDatasetRefusesANonPositiveSampleCount() {
        assertThatThrownBy(() -> new CalibrationDataset("calib", 0, Fixtures.CALIBRATION_SHA))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrationDataset.sampleCount"));
    }
}
