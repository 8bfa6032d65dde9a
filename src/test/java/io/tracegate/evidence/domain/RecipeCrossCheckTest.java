package io.tracegate.evidence.domain;

import io.tracegate.evidence.domain.Finding.Severity;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.Pruning;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class RecipeCrossCheckTest {

    private static final String CALIBRATION_SHA = "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e";
    private static final String OTHER_SHA = "b".repeat(64);

    private final RecipeCrossCheck check = new RecipeCrossCheck();

    // ---- recipes

    private static OptimizationRecipe recipe(Precision precision, QuantizationMethod method, Pruning pruning) {
        CalibrationDataset calibration = method == QuantizationMethod.PTQ
                ? new CalibrationDataset("fcod-calib-v7", 1024, new Sha256(CALIBRATION_SHA)) : null;
        return OptimizationRecipe.of(precision, method, method == QuantizationMethod.PTQ ? "entropy2" : null,
                calibration, pruning, null, new TensorRtBuild("10.3.0", List.of("--int8")),
                new TargetPlatform("NVIDIA DRIVE AGX Orin", "DRIVE OS 6.0.10"));
    }

    private static OptimizationRecipe ptq() {
        return recipe(Precision.INT8, QuantizationMethod.PTQ, null);
    }

    private static OptimizationRecipe qat() {
        return recipe(Precision.INT8, QuantizationMethod.QAT, null);
    }

    private static OptimizationRecipe fp16() {
        return recipe(Precision.FP16, QuantizationMethod.NONE, null);
    }

    private static OptimizationRecipe fp32() {
        return recipe(Precision.FP32, QuantizationMethod.NONE, null);
    }

    // ---- model facts

    /** Facts of a float model by default; each setter changes one aspect. */
    private static final class Facts {
        long opset = 17;
        long quantize;
        long dequantize;
        TreeMap<String, Long> integerOps = new TreeMap<>();
        long perChannel;
        long perTensor;
        long weights = 1000;
        long int8Weights;
        TreeMap<String, Long> byType = new TreeMap<>(Map.of("FLOAT", 1000L));
        long zeroScanned = 900;
        long zeros;
        long externalTensors;

        Facts qdq(long q, long dq, long perChannel, long perTensor) {
            this.quantize = q;
            this.dequantize = dq;
            this.perChannel = perChannel;
            this.perTensor = perTensor;
            return this;
        }

        Facts int8Weights(long count) {
            this.int8Weights = count;
            return this;
        }

        Facts integerOp(String op, long count) {
            integerOps.put(op, count);
            return this;
        }

        Facts opset(long opset) {
            this.opset = opset;
            return this;
        }

        Facts zeros(long zeros) {
            this.zeros = zeros;
            return this;
        }

        Facts noScannableWeights() {
            this.zeroScanned = 0;
            this.zeros = 0;
            return this;
        }

        Facts halfPrecision(long count) {
            byType.put("FLOAT16", count);
            return this;
        }

        Facts external(long tensors) {
            this.externalTensors = tensors;
            return this;
        }

        ModelFacts build() {
            return new ModelFacts(8, new TreeMap<>(Map.of("ai.onnx", opset)), "pytorch", "2.4.0", "main_graph",
                    List.of(), List.of(), 100, new TreeMap<>(Map.of("Conv", 10L)),
                    new ModelFacts.Parameters(1000, 1000, 0, byType, weights, int8Weights, zeroScanned, zeros),
                    new ModelFacts.Quantization(quantize, dequantize, integerOps, perChannel, perTensor, 0),
                    new ModelFacts.ExternalData(externalTensors,
                            new TreeSet<>(externalTensors > 0 ? List.of("weights.bin") : List.of())),
                    new TreeMap<>());
        }
    }

    private static Facts floatModel() {
        return new Facts();
    }

    private static Facts qdqModel() {
        return new Facts().qdq(10, 20, 10, 20).int8Weights(950);
    }

    private List<Finding> findings(OptimizationRecipe recipe, Facts facts) {
        return check.checkModel(recipe, facts.build());
    }

    private static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as("findings with code %s in %s", code, findings).hasSize(1);
        return matching.get(0);
    }

    // ---- precision and quantization

    @Test
    void ptqWithoutQdqWarnsThatQuantizationMustComeFromACalibrationCache() {
        Finding finding = only(findings(ptq(), floatModel()), "ptq-implicit-quantization");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("recipe says INT8 through post-training quantization (PTQ) but the ONNX"
                        + " graph has no Q/DQ nodes: quantization must come from a calibration cache (implicit quantization,"
                        + " deprecated in TensorRT 10)");
    }

    @Test
    void qatWithoutQdqIsAnError() {
        Finding finding = only(findings(qat(), floatModel()), "qat-without-qdq");

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("quantization-aware training (QAT)", "no Q/DQ nodes",
                "this file is not the QAT model");
    }

    @Test
    void anInt8RecipeWithAQuantizedGraphIsConfirmed() {
        Finding ptqFinding = only(findings(ptq(), qdqModel()), "quantization-present");
        Finding qatFinding = only(findings(qat(), qdqModel()), "quantization-present");

        assertThat(ptqFinding.severity()).isEqualTo(Severity.INFO);
        assertThat(ptqFinding.message()).contains("10 QuantizeLinear and 20 DequantizeLinear nodes",
                "950 weights stored as INT8/UINT8 (95.0% of all weights)", "ignores any calibration cache");
        assertThat(qatFinding.message()).doesNotContain("calibration cache");
    }

    @Test
    void integerOperatorsAloneMakeAGraphQuantized() {
        Facts qlinear = floatModel().integerOp("com.microsoft.QLinearConv", 3);

        assertThat(only(findings(qat(), qlinear), "quantization-present").message()).contains("3 integer operators");
        assertThat(only(findings(fp16(), qlinear), "quantized-graph-for-float-recipe").severity())
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void mixedPrecisionIsAQuantizedRecipe() {
        OptimizationRecipe mixed = recipe(Precision.MIXED, QuantizationMethod.QAT, null);

        assertThat(only(findings(mixed, floatModel()), "qat-without-qdq").message())
                .startsWith("The recipe says mixed INT8/FP16 precision through quantization-aware training");
    }

    @Test
    void aFloatRecipeWithAQuantizedGraphIsAnError() {
        Finding withQdq = only(findings(fp32(), qdqModel()), "quantized-graph-for-float-recipe");
        Finding int8WeightsOnly = only(findings(fp16(), floatModel().int8Weights(500)), "quantized-graph-for-float-recipe");

        assertThat(withQdq.severity()).isEqualTo(Severity.ERROR);
        assertThat(withQdq.message()).startsWith("The recipe says FP32 without quantization but the ONNX graph is"
                + " quantized (10 QuantizeLinear and 20 DequantizeLinear nodes").endsWith("runs INT8 layers the recipe"
                + " does not declare.");
        assertThat(int8WeightsOnly.message()).contains("FP16", "500 weights stored as INT8/UINT8");
        assertThat(findings(fp32(), floatModel())).isEmpty();
    }

    @Test
    void anFp32RecipeWithHalfPrecisionWeightsIsAWarning() {
        Finding finding = only(findings(fp32(), floatModel().halfPrecision(400)), "half-precision-weights-for-fp32-recipe");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("400 of the model's parameters are stored as FLOAT16 or BFLOAT16");
        assertThat(findings(fp16(), floatModel().halfPrecision(400))).isEmpty();
    }

    // ---- opset and granularity

    @Test
    void qdqBelowOpset13IsAWarning() {
        Finding finding = only(findings(qat(), qdqModel().opset(10)), "qdq-opset-too-old");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("opset 10", "needs opset 13 or later");
        assertThat(findings(qat(), qdqModel().opset(13))).extracting(Finding::code).doesNotContain("qdq-opset-too-old");
        assertThat(findings(fp32(), floatModel().opset(9))).isEmpty();
    }

    @Test
    void qdqGranularityIsReported() {
        Finding finding = only(findings(qat(), qdqModel()), "qdq-granularity");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("Of the 30 Q/DQ nodes, 10 use per-channel scales (usual for weights)"
                + " and 20 a single per-tensor scale (usual for activations).");
        assertThat(only(findings(qat(), floatModel().qdq(5, 10, 0, 15).int8Weights(900)), "qdq-granularity").message())
                .endsWith("Weights quantized per tensor usually lose more accuracy than per channel.");
    }

    // ---- pruning

    private static OptimizationRecipe pruned(double sparsity) {
        return recipe(Precision.FP16, QuantizationMethod.NONE, new Pruning("2:4 structured", sparsity));
    }

    @Test
    void pruningIsConfirmedWhenEnoughWeightsAreZero() {
        Finding finding = only(findings(pruned(0.5), floatModel().zeros(450)), "pruning-confirmed");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("The recipe claims 2:4 structured pruning at 50.0% sparsity, and 50.0%"
                + " of the model's weights are zero, which agrees with the claim.");
    }

    @Test
    void pruningBelowTheClaimIsAWarningAndDenseWeightsAnError() {
        Finding below = only(findings(pruned(0.5), floatModel().zeros(300)), "pruning-below-claim");
        Finding dense = only(findings(pruned(0.5), floatModel().zeros(3)), "pruning-not-found");

        assertThat(below.severity()).isEqualTo(Severity.WARNING);
        assertThat(below.message()).contains("only 33.3% of the model's weights are zero");
        assertThat(dense.severity()).isEqualTo(Severity.ERROR);
        assertThat(dense.message()).contains("only 0.3%", "this ONNX file is not the pruned model");
    }

    @Test
    void pruningCannotBeCheckedWithoutWeightValues() {
        assertThat(only(findings(pruned(0.5), floatModel().noScannableWeights()), "pruning-unverified").severity())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void sparsityTheRecipeDoesNotClaimIsRemarked() {
        assertThat(only(findings(fp16(), floatModel().zeros(450)), "unclaimed-sparsity").message())
                .startsWith("50.0% of the model's weights are zero although the recipe declares no pruning");
        assertThat(findings(fp16(), floatModel().zeros(100))).isEmpty();
    }

    // ---- external data

    @Test
    void externalDataIsAWarning() {
        Finding finding = only(findings(fp32(), floatModel().external(3)), "external-data");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("3 tensors keep their data in files outside the uploaded model"
                + " (weights.bin)", "does not open them");
    }
}
