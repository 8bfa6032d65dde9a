package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelFacts.TensorSignature;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.RecipeCrossCheck;
import io.tracegate.evidence.domain.ReleaseContents;
import io.tracegate.evidence.infrastructure.onnx.DemoOnnxModels.Conv;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's committed ONNX models are exactly what {@link DemoOnnxModels} generates, and read as designed. */
class DemoOnnxModelsTest {

    private static final int CONVS = 5 * 3 * 3 + 3 * 3;
    /** Two Resize scales (4 floats) and six Reshape shapes (3 int64). */
    private static final long CONSTANT_PARAMETERS = 2 * 4 + 6 * 3;
    private static final int ACTIVATION_QDQ_PAIRS = 5 * 3 * 3 + 3;

    private static List<Conv> convs;
    private static long convParameters;
    private static long convWeights;
    private static long convOutputChannels;

    @BeforeAll
    static void generate() throws Exception {
        if (Boolean.getBoolean("tracegate.demo.write")) {
            DemoOnnxModels.write();
        }
        convs = DemoOnnxModels.convolutions();
        convParameters = convs.stream().mapToLong(Conv::parameters).sum();
        convWeights = convs.stream().mapToLong(c -> (long) c.out() * c.in() * c.kernel() * c.kernel()).sum();
        convOutputChannels = convs.stream().mapToLong(Conv::out).sum();
    }

    @Test
    void theCommittedModelsAreByteForByteWhatTheGeneratorWrites() throws Exception {
        assertSameBytes(DemoOnnxModels.FP32, DemoOnnxModels.fp32());
        assertSameBytes(DemoOnnxModels.INT8, DemoOnnxModels.int8());
        assertThat(Files.size(DemoOnnxModels.FP32)).isLessThan(300 * 1024);
        assertThat(Files.size(DemoOnnxModels.INT8)).isLessThan(300 * 1024);
    }

    private static void assertSameBytes(Path committed, byte[] generated) throws Exception {
        byte[] bytes = Files.readAllBytes(committed);
        int firstDifference = Arrays.mismatch(bytes, generated);
        assertThat(firstDifference)
                .as("%s (%d bytes) differs from the generated model (%d bytes) at byte %d; regenerate with"
                                + " -Dtracegate.demo.write=true if the change is intended",
                        committed, bytes.length, generated.length, firstDifference)
                .isEqualTo(-1);
    }

    @Test
    void theFp32ReferenceHasTheDetectorsInterfaceAndFloatWeights() throws Exception {
        ModelFacts facts = read(DemoOnnxModels.FP32);

        assertThat(facts.irVersion()).isEqualTo(8);
        assertThat(facts.defaultOpset()).hasValue(17);
        assertThat(facts.producerName()).isEqualTo("pytorch");
        assertThat(facts.producerVersion()).isEqualTo("2.4.0");
        assertThat(facts.graphName()).isEqualTo("main_graph");
        assertThat(facts.inputs()).containsExactly(
                new TensorSignature("images", "FLOAT", List.of("batch", "3", "384", "640"), true));
        assertThat(facts.outputs()).containsExactly(
                new TensorSignature("boxes", "FLOAT", List.of("batch", "anchors", "4"), true),
                new TensorSignature("scores", "FLOAT", List.of("batch", "anchors", "6"), true));
        assertThat(facts.count("Conv")).isEqualTo(CONVS);
        assertThat(facts.count("MaxPool")).isEqualTo(4);
        assertThat(facts.count("Resize")).isEqualTo(2);
        assertThat(facts.count("Concat")).isEqualTo(4);
        assertThat(facts.count("Constant")).isEqualTo(8);
        assertThat(facts.nodeCount()).isEqualTo(facts.opTypes().values().stream().mapToLong(Long::longValue).sum());

        assertThat(facts.parameters().total()).isEqualTo(convParameters + CONSTANT_PARAMETERS).isEqualTo(55_223);
        assertThat(facts.parameters().fromInitializers()).isEqualTo(convParameters);
        assertThat(facts.parameters().fromConstantNodes()).isEqualTo(CONSTANT_PARAMETERS);
        assertThat(facts.parameters().byElementType()).containsOnlyKeys("FLOAT", "INT64");
        assertThat(facts.parameters().int8Weights()).isZero();
        assertThat(facts.parameters().zeroWeightFraction()).hasValue(0.0);
        assertThat(facts.quantization().hasQdq()).isFalse();
        assertThat(facts.externalData().tensors()).isZero();
    }

    @Test
    void theInt8BuildHasPerChannelWeightAndPerTensorActivationQdq() throws Exception {
        ModelFacts fp32 = read(DemoOnnxModels.FP32);
        ModelFacts facts = read(DemoOnnxModels.INT8);

        assertThat(facts.producerName()).isEqualTo("modelopt");
        assertThat(facts.defaultOpset()).hasValue(17);
        assertThat(facts.inputs()).isEqualTo(fp32.inputs());
        assertThat(facts.outputs()).isEqualTo(fp32.outputs());
        assertThat(facts.quantization().quantizeLinear()).isEqualTo(ACTIVATION_QDQ_PAIRS);
        assertThat(facts.quantization().dequantizeLinear()).isEqualTo(ACTIVATION_QDQ_PAIRS + CONVS);
        assertThat(facts.quantization().perChannelQdq()).isEqualTo(CONVS);
        assertThat(facts.quantization().perTensorQdq()).isEqualTo(2L * ACTIVATION_QDQ_PAIRS);
        assertThat(facts.quantization().unknownScaleQdq()).isZero();
        assertThat(facts.quantization().integerOpCount()).isZero();
        assertThat(facts.nodeCount()).isEqualTo(fp32.nodeCount() + 2L * ACTIVATION_QDQ_PAIRS + CONVS);

        long scalesAndZeroPoints = 2 * convOutputChannels + 2L * ACTIVATION_QDQ_PAIRS;
        assertThat(facts.parameters().total()).isEqualTo(fp32.parameters().total() + scalesAndZeroPoints);
        assertThat(facts.parameters().int8Weights()).isEqualTo(convWeights);
        assertThat(facts.parameters().weights()).isEqualTo(convParameters + 2 * 4);
        assertThat(facts.parameters().ofElementType("INT8")).isEqualTo(convWeights + convOutputChannels + ACTIVATION_QDQ_PAIRS);
        assertThat(facts.parameters().int8WeightFraction().getAsDouble()).isBetween(0.98, 1.0);
        assertThat(facts.metadata()).containsEntry("calibration_set_sha256", DemoOnnxModels.CALIBRATION_SET_SHA256);

        ParsedEvidence evidence = new OnnxFormat().read("fcod-int8.onnx", Files.newInputStream(DemoOnnxModels.INT8));
        assertThat(evidence.format()).isEqualTo("onnx");
        assertThat(evidence.metrics()).extracting(Metric::toString).contains(
                "model.quantize_linear_count = " + ACTIVATION_QDQ_PAIRS,
                "model.dequantize_linear_count = " + (ACTIVATION_QDQ_PAIRS + CONVS),
                "model.qdq_per_channel_count = " + CONVS,
                "model.op_count[op=Conv] = " + CONVS,
                "model.parameter_count_by_dtype[dtype=INT64] = 18");
        assertThat(metric(evidence, "model.int8_weight_fraction")).isBetween(new BigDecimal("0.98"), BigDecimal.ONE);
        assertThat(evidence.notes()).anyMatch(note -> note.contains("images FLOAT[batch, 3, 384, 640]"));
    }

    @Test
    void theDemoRecipesAgreeWithTheirModels() throws Exception {
        RecipeCrossCheck check = new RecipeCrossCheck();
        OptimizationRecipe fp32Recipe = OptimizationRecipe.of(Precision.FP32, QuantizationMethod.NONE, null, null, null,
                null, new TensorRtBuild("10.3.0", List.of()), new TargetPlatform("NVIDIA DRIVE AGX Orin", null));
        OptimizationRecipe int8Recipe = demoInt8Recipe();
        ModelFacts fp32 = read(DemoOnnxModels.FP32);
        ModelFacts int8 = read(DemoOnnxModels.INT8);

        assertThat(check.checkModel(fp32Recipe, fp32)).isEmpty();
        List<Finding> int8Findings = check.checkModel(int8Recipe, int8);
        assertThat(int8Findings).extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
        assertThat(int8Findings).extracting(Finding::code).containsExactly("quantization-present", "qdq-granularity");
        assertThat(check.checkModel(fp32Recipe, int8)).extracting(Finding::code)
                .contains("quantized-graph-for-float-recipe");
    }

    /** As the demo loads it: the INT8 release has its calibration cache, and its evidence names the calibration set. */
    @Test
    void theDemoPtqReleaseBringsWhatPtqNeeds() throws Exception {
        OptimizationRecipe int8Recipe = demoInt8Recipe();
        ModelFacts int8 = read(DemoOnnxModels.INT8);
        String calibrationSha = int8.metadata().get("calibration_set_sha256");
        ReleaseContents demo = new ReleaseContents(List.of("fcod-int8.onnx"),
                int8.quantization().hasQdq() ? Set.of("fcod-int8.onnx") : Set.of(), List.of("calibration.cache"),
                new TreeMap<>(Map.of(calibrationSha, new TreeSet<>(Set.of("kpi-day-hil.csv")))));

        List<Finding> findings = new RecipeCrossCheck().checkRelease(Optional.of(int8Recipe), demo);

        assertThat(findings).extracting(Finding::code).containsExactly("calibration-set-match");
    }

    private static OptimizationRecipe demoInt8Recipe() {
        return OptimizationRecipe.of(Precision.INT8, QuantizationMethod.PTQ, "entropy2",
                new CalibrationDataset("fcod-calib-v7", 1024, new Sha256(DemoOnnxModels.CALIBRATION_SET_SHA256)), null,
                null, new TensorRtBuild("10.3.0", List.of("--int8", "--fp16")),
                new TargetPlatform("NVIDIA DRIVE AGX Orin", null));
    }

    private static BigDecimal metric(ParsedEvidence evidence, String name) {
        return evidence.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static ModelFacts read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new OnnxFormat().facts(file.getFileName().toString(), in);
        }
    }

    static ModelFacts read(byte[] bytes) {
        return new OnnxFormat().facts("test.onnx", new ByteArrayInputStream(bytes));
    }
}
