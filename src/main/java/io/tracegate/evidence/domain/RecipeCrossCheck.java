package io.tracegate.evidence.domain;

import io.tracegate.evidence.domain.Finding.Severity;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.Pruning;
import io.tracegate.release.domain.QuantizationMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Checks a release's optimization recipe against its artifacts and its evidence's provenance, so a reviewer sees at
 * once when the uploaded files cannot be what the recipe says (an FP32 recipe with a quantized graph, a QAT recipe
 * without Q/DQ nodes, a PTQ recipe without its calibration cache, a pruning claim on dense weights, another
 * calibration set). An ERROR means the files contradict the recipe, or a PTQ release lacks what shows how its INT8
 * scales were made: the release is not consistent ({@code consistent:false}) and the gate stays red until the
 * finding is fixed or waived. Waivers name a finding by its code, so a code is stable and means one thing.
 *
 * <p>Release-level rules ({@link #checkRelease}), once per release whatever its number of ONNX models:
 * <ul>
 *   <li>{@code no-recipe} (WARNING), {@code no-onnx-model} (WARNING): nothing to check against;</li>
 *   <li>{@code ptq-without-calibration-set} (ERROR): an INT8/MIXED recipe by PTQ names no calibration set with its
 *       SHA-256 (the API refuses such recipes; older rows may hold one);</li>
 *   <li>{@code ptq-without-calibration-cache} (ERROR): an INT8/MIXED recipe by PTQ, no calibration cache artifact,
 *       and not every ONNX model carries Q/DQ nodes. With Q/DQ nodes TensorRT takes the scales from the graph and
 *       ignores a cache (explicit quantization); without an ONNX model this exemption cannot be shown;</li>
 *   <li>{@code calibration-set-match} (INFO), {@code calibration-set-mismatch} (ERROR, any evidence names another
 *       set than the recipe), {@code calibration-set-unverified} (ERROR for PTQ, INFO for QAT: no evidence names a
 *       calibration set), {@code calibration-set-unexpected} (WARNING, INFO for QAT: evidence names a set, the recipe
 *       none): the recipe's calibration-set SHA-256 against the {@code calibrationSha256} of the evidence's
 *       provenance;</li>
 *   <li>{@code calibration-sets-differ} (ERROR): the evidence names more than one calibration set.</li>
 * </ul>
 *
 * <p>Model-level rules ({@link #checkModel}), per ONNX model:
 * <ul>
 *   <li>{@code quantization-present} (INFO), {@code ptq-implicit-quantization} (WARNING: implicit quantization is
 *       deprecated in TensorRT 10; the missing cache is the release-level ERROR above), {@code qat-without-qdq}
 *       (ERROR): an INT8/MIXED recipe against the graph's Q/DQ nodes, integer operators and INT8 weights;</li>
 *   <li>{@code quantized-graph-for-float-recipe} (ERROR): an FP32/FP16 recipe with a quantized graph;
 *       {@code half-precision-weights-for-fp32-recipe} (WARNING): FP32 claimed, FLOAT16/BFLOAT16 weights stored;</li>
 *   <li>{@code qdq-opset-too-old} (WARNING): Q/DQ nodes with a standard opset below 13;</li>
 *   <li>{@code qdq-granularity} (INFO): per-channel and per-tensor Q/DQ counts;</li>
 *   <li>{@code pruning-confirmed} (INFO), {@code pruning-below-claim} (WARNING), {@code pruning-not-found} (ERROR),
 *       {@code pruning-unverified} (INFO), {@code unclaimed-sparsity} (INFO): the claimed sparsity against the share
 *       of zero weights (rank 2 and more) counted in the file;</li>
 *   <li>{@code external-data} (WARNING): weights kept in files the upload does not contain.</li>
 * </ul>
 * The application adds {@code unreadable-model} (ERROR) for an ONNX artifact that cannot be read.
 */
public final class RecipeCrossCheck {

    /** Per-channel QuantizeLinear/DequantizeLinear (the {@code axis} attribute) came with opset 13. */
    public static final long PER_CHANNEL_QDQ_OPSET = 13;
    /** Below this share of zero weights a model is not pruned at all. */
    public static final double NOT_PRUNED_BELOW = 0.01;
    /** How far the zero share may fall short of the claimed sparsity before it is a warning (layers left dense). */
    public static final double SPARSITY_TOLERANCE = 0.05;
    /** From this share of zero weights on, an unclaimed sparsity is worth a remark. */
    public static final double UNCLAIMED_SPARSITY = 0.30;

    /** The rules about the release as a whole; {@code recipe} is empty when the release has none yet. */
    public List<Finding> checkRelease(Optional<OptimizationRecipe> recipe, ReleaseContents contents) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(contents, "contents");
        List<Finding> findings = new ArrayList<>();
        if (recipe.isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "no-recipe",
                    "The release has no optimization recipe yet, so there is nothing to check the artifacts against."));
        }
        if (contents.onnxModels().isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "no-onnx-model",
                    "The release has no ONNX model artifact: the recipe cannot be checked against the graph."));
        }
        CalibrationCrossCheck.consistentAcrossEvidence(contents.calibrationSets(), findings);
        recipe.ifPresent(r -> CalibrationCrossCheck.check(r, contents, findings));
        return List.copyOf(findings);
    }

    /** The rules about one ONNX model's facts. */
    public List<Finding> checkModel(OptimizationRecipe recipe, ModelFacts facts) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(facts, "facts");
        List<Finding> findings = new ArrayList<>();
        precision(recipe, facts, findings);
        opset(facts, findings);
        granularity(facts, findings);
        pruning(recipe, facts, findings);
        externalData(facts, findings);
        return List.copyOf(findings);
    }

    private static void precision(OptimizationRecipe recipe, ModelFacts facts, List<Finding> findings) {
        ModelFacts.Quantization q = facts.quantization();
        ModelFacts.Parameters p = facts.parameters();
        boolean quantizedGraph = q.hasQdq() || q.integerOpCount() > 0 || p.int8Weights() > 0;
        Precision precision = recipe.precision();
        String claimed = precision == Precision.MIXED ? "mixed INT8/FP16 precision" : precision.name();
        if (precision.isQuantized()) {
            String method = recipe.quantization() == QuantizationMethod.QAT
                    ? "quantization-aware training (QAT)" : "post-training quantization (PTQ)";
            if (quantizedGraph) {
                String message = "The ONNX graph is explicitly quantized, as the " + claimed + " recipe says: "
                        + quantizedContent(facts) + ".";
                if (recipe.quantization() == QuantizationMethod.PTQ && q.hasQdq()) {
                    message += " TensorRT takes the INT8 scales from these Q/DQ nodes and ignores any calibration cache,"
                            + " so the scales must have been calibrated on the recipe's calibration set.";
                }
                findings.add(new Finding(Severity.INFO, "quantization-present", message));
            } else if (recipe.quantization() == QuantizationMethod.QAT) {
                findings.add(new Finding(Severity.ERROR, "qat-without-qdq", "The recipe says " + claimed + " through "
                        + method + " but the ONNX graph has no Q/DQ nodes, no integer operators and no INT8 weights:"
                        + " a QAT export carries its learned scales as QuantizeLinear/DequantizeLinear nodes, so this"
                        + " file is not the QAT model or its export dropped the quantization."));
            } else {
                findings.add(new Finding(Severity.WARNING, "ptq-implicit-quantization", "The recipe says " + claimed
                        + " through " + method + " but the ONNX graph has no Q/DQ nodes: quantization must come from a"
                        + " calibration cache (implicit quantization, deprecated in TensorRT 10); exporting the"
                        + " calibrated scales as Q/DQ nodes keeps them in the graph."));
            }
            return;
        }
        if (quantizedGraph) {
            findings.add(new Finding(Severity.ERROR, "quantized-graph-for-float-recipe", "The recipe says " + claimed
                    + " without quantization but the ONNX graph is quantized (" + quantizedContent(facts) + "): an"
                    + " engine built from this file runs INT8 layers the recipe does not declare."));
        }
        long halfPrecision = p.ofElementType("FLOAT16") + p.ofElementType("BFLOAT16");
        if (precision == Precision.FP32 && halfPrecision > 0) {
            findings.add(new Finding(Severity.WARNING, "half-precision-weights-for-fp32-recipe", "The recipe says FP32"
                    + " but " + halfPrecision + " of the model's parameters are stored as FLOAT16 or BFLOAT16: those"
                    + " weights lost precision before any engine was built, so this file is not a full-precision"
                    + " reference."));
        }
    }

    private static String quantizedContent(ModelFacts facts) {
        ModelFacts.Quantization q = facts.quantization();
        ModelFacts.Parameters p = facts.parameters();
        OptionalDouble int8Share = p.int8WeightFraction();
        return q.quantizeLinear() + " QuantizeLinear and " + q.dequantizeLinear() + " DequantizeLinear nodes, "
                + q.integerOpCount() + " integer operators, " + p.int8Weights() + " weights stored as INT8/UINT8"
                + (int8Share.isPresent() ? " (" + percent(int8Share.getAsDouble()) + " of all weights)" : "");
    }

    private static void opset(ModelFacts facts, List<Finding> findings) {
        OptionalLong opset = facts.defaultOpset();
        if (facts.quantization().hasQdq() && opset.isPresent() && opset.getAsLong() < PER_CHANNEL_QDQ_OPSET) {
            findings.add(new Finding(Severity.WARNING, "qdq-opset-too-old", "The graph has Q/DQ nodes but imports ONNX"
                    + " opset " + opset.getAsLong() + ": per-channel QuantizeLinear/DequantizeLinear (the axis"
                    + " attribute) needs opset " + PER_CHANNEL_QDQ_OPSET + " or later, which TensorRT's explicit"
                    + " quantization expects; re-export the model with opset " + PER_CHANNEL_QDQ_OPSET + " or later."));
        }
    }

    private static void granularity(ModelFacts facts, List<Finding> findings) {
        ModelFacts.Quantization q = facts.quantization();
        if (!q.hasQdq()) {
            return;
        }
        long all = q.quantizeLinear() + q.dequantizeLinear();
        String message = "Of the " + all + " Q/DQ nodes, " + q.perChannelQdq() + " use per-channel scales (usual for"
                + " weights) and " + q.perTensorQdq() + " a single per-tensor scale (usual for activations)"
                + (q.unknownScaleQdq() > 0 ? "; " + q.unknownScaleQdq() + " compute their scale in the graph" : "") + ".";
        if (q.perChannelQdq() == 0 && facts.parameters().int8Weights() > 0) {
            message += " Weights quantized per tensor usually lose more accuracy than per channel.";
        }
        findings.add(new Finding(Severity.INFO, "qdq-granularity", message));
    }

    private static void pruning(OptimizationRecipe recipe, ModelFacts facts, List<Finding> findings) {
        OptionalDouble zeros = facts.parameters().zeroWeightFraction();
        Optional<Pruning> claimed = recipe.pruning();
        if (claimed.isEmpty()) {
            if (zeros.isPresent() && zeros.getAsDouble() >= UNCLAIMED_SPARSITY) {
                findings.add(new Finding(Severity.INFO, "unclaimed-sparsity", percent(zeros.getAsDouble())
                        + " of the model's weights are zero although the recipe declares no pruning; if the model was"
                        + " pruned, the recipe should say so."));
            }
            return;
        }
        Pruning pruning = claimed.get();
        String claim = "The recipe claims " + pruning.method() + " pruning at " + percent(pruning.sparsity()) + " sparsity";
        if (zeros.isEmpty()) {
            findings.add(new Finding(Severity.INFO, "pruning-unverified", claim + ", but the ONNX file holds no weight"
                    + " values Tracegate could count (they may be in external data files), so the sparsity is not"
                    + " checked."));
            return;
        }
        double zero = zeros.getAsDouble();
        if (zero < NOT_PRUNED_BELOW) {
            findings.add(new Finding(Severity.ERROR, "pruning-not-found", claim + ", but only " + percent(zero)
                    + " of the model's weights are zero: this ONNX file is not the pruned model."));
        } else if (zero < pruning.sparsity() - SPARSITY_TOLERANCE) {
            findings.add(new Finding(Severity.WARNING, "pruning-below-claim", claim + ", but only " + percent(zero)
                    + " of the model's weights are zero; layers left dense lower the share, so check that the pruned"
                    + " layers reach the claimed sparsity."));
        } else {
            findings.add(new Finding(Severity.INFO, "pruning-confirmed", claim + ", and " + percent(zero)
                    + " of the model's weights are zero, which agrees with the claim."));
        }
    }

    private static void externalData(ModelFacts facts, List<Finding> findings) {
        ModelFacts.ExternalData external = facts.externalData();
        if (external.tensors() == 0) {
            return;
        }
        findings.add(new Finding(Severity.WARNING, "external-data", external.tensors() + " tensors keep their data in"
                + " files outside the uploaded model (" + String.join(", ", external.locations()) + "); Tracegate"
                + " does not open them, so their values were not checked and this file alone is not the whole model."));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
