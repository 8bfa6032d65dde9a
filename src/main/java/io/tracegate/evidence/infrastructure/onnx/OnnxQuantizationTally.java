package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.ModelFacts.Quantization;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tallies how a model is quantized: QuantizeLinear/DequantizeLinear pairs (Q/DQ) and the integer operators of
 * the standard and Microsoft domains. Whether a Q/DQ node is per-channel or per-tensor depends on the shape of
 * its scale, which may be an initializer declared after the node, so the scale names are only collected here
 * and resolved once the whole model has been read.
 */
final class OnnxQuantizationTally {

    private static final Set<String> INTEGER_OPS = Set.of("ConvInteger", "MatMulInteger", "QGemm", "QAttention",
            "DynamicQuantizeLinear", "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "MatMulNBits", "QOrderedMatMul");

    private final OnnxNameBudget names;
    private final OnnxOperatorHistogram integerOps;
    private long quantizeLinear;
    private long dequantizeLinear;
    private long qdqWithoutScale;
    private final Map<String, Long> qdqScaleUses = new HashMap<>();
    private final Map<String, Long> qdqScaleUsesWithAxis = new HashMap<>();
    private final Set<String> qdqParameterNames = new HashSet<>();

    OnnxQuantizationTally(ProtobufReader reader, OnnxNameBudget names) {
        this.names = names;
        this.integerOps = new OnnxOperatorHistogram(reader, names);
    }

    /**
     * Counts a node other than Constant.
     *
     * @param firstInputs the node's first three input names (null where absent): data, scale, zero point
     * @param axis        whether the node has an {@code axis} attribute
     */
    void node(String opType, String qualified, String[] firstInputs, boolean axis) {
        switch (opType) {
            case "QuantizeLinear", "DequantizeLinear" -> {
                if (opType.equals("QuantizeLinear")) {
                    quantizeLinear++;
                } else {
                    dequantizeLinear++;
                }
                String scale = firstInputs[1];
                if (scale == null || scale.isEmpty()) {
                    qdqWithoutScale++;
                } else {
                    if (qdqScaleUses.merge(scale, 1L, Long::sum) == 1L) {
                        names.retain(scale);
                    }
                    qdqParameterNames.add(scale);
                    if (axis) {
                        qdqScaleUsesWithAxis.merge(scale, 1L, Long::sum);
                    }
                }
                if (firstInputs[2] != null && !firstInputs[2].isEmpty() && qdqParameterNames.add(firstInputs[2])) {
                    names.retain(firstInputs[2]);
                }
            }
            default -> {
                if (opType.startsWith("QLinear") || INTEGER_OPS.contains(opType)) {
                    integerOps.count(qualified);
                }
            }
        }
    }

    /** Whether the tensor of that name is a Q/DQ scale or zero point (quantization data, not a weight). */
    boolean isQdqParameter(String name) {
        return qdqParameterNames.contains(name);
    }

    /** The quantization facts, with each Q/DQ scale looked up among the model's parameters by name. */
    Quantization quantization(Function<String, OnnxTensor> parameterNamed) {
        long perChannel = 0;
        long perTensor = 0;
        long unknownScale = qdqWithoutScale;
        for (Map.Entry<String, Long> use : qdqScaleUses.entrySet()) {
            OnnxTensor scale = parameterNamed.apply(use.getKey());
            long withAxis = qdqScaleUsesWithAxis.getOrDefault(use.getKey(), 0L);
            if (scale == null) {
                unknownScale += use.getValue();
            } else if (scale.elements > 1) {
                perChannel += use.getValue();
            } else if (scale.rank >= 1) {
                // a one-element vector scale with an axis: per-channel on a dimension of size 1
                perChannel += withAxis;
                perTensor += use.getValue() - withAxis;
            } else {
                perTensor += use.getValue();
            }
        }
        return new Quantization(quantizeLinear, dequantizeLinear, integerOps.counts(), perChannel, perTensor,
                unknownScale);
    }
}
