package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelFacts.TensorSignature;
import io.tracegate.evidence.domain.ParsedEvidence;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ONNX models ({@code *.onnx}) as evidence: {@link #facts} gives the {@link ModelFacts} ({@link StoredOnnxModels}
 * reads them for the recipe cross-check), {@link #read} the same facts as metrics (all dimensionless):
 * <ul>
 *   <li>{@code model.ir_version}, {@code model.opset} (standard domain), {@code model.input_count},
 *       {@code model.output_count}, {@code model.node_count}, {@code model.op_count[op=Conv]} per operator type</li>
 *   <li>{@code model.parameter_count} (initializers and Constant nodes), {@code model.initializer_parameter_count},
 *       {@code model.constant_parameter_count}, {@code model.parameter_count_by_dtype[dtype=FLOAT]},
 *       {@code model.weight_count}, {@code model.int8_weight_count}, {@code model.int8_weight_fraction},
 *       {@code model.weight_zero_fraction} (when weight values were in the file)</li>
 *   <li>{@code model.quantize_linear_count}, {@code model.dequantize_linear_count}, {@code model.integer_op_count},
 *       {@code model.qdq_per_channel_count}, {@code model.qdq_per_tensor_count}</li>
 *   <li>{@code model.external_data_tensor_count}</li>
 * </ul>
 * Malformed or hostile files are refused (see {@link OnnxReader}); external data paths are never opened.
 */
@ApplicationScoped
public class OnnxFormat implements EvidenceFormat {

    public static final String NAME = "onnx";

    private static final Pattern SCOPE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,120}");
    private static final int MAX_OP_METRICS = 500;
    private static final int MAX_LISTED = 5;

    public OnnxFormat() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** High: a file named {@code *.onnx} is an ONNX model or is refused, never kept as an opaque blob. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        ModelFacts facts = facts(fileName, content);
        return new ParsedEvidence(NAME, metrics(facts), List.of(), notes(facts));
    }

    /**
     * The model's facts, read in one streaming pass.
     *
     * @throws io.tracegate.evidence.domain.EvidenceRejected naming the file and the problem
     */
    public ModelFacts facts(String fileName, InputStream content) {
        return OnnxReader.read(fileName, content, -1);
    }

    static List<Metric> metrics(ModelFacts facts) {
        List<Metric> metrics = new ArrayList<>();
        add(metrics, "model.ir_version", facts.irVersion());
        facts.defaultOpset().ifPresent(opset -> add(metrics, "model.opset", opset));
        add(metrics, "model.input_count", facts.inputs().size());
        add(metrics, "model.output_count", facts.outputs().size());
        add(metrics, "model.node_count", facts.nodeCount());
        int opMetrics = 0;
        for (Map.Entry<String, Long> op : facts.opTypes().entrySet()) {
            if (opMetrics < MAX_OP_METRICS && SCOPE_VALUE.matcher(op.getKey()).matches()) {
                metrics.add(Metric.of("model.op_count", BigDecimal.valueOf(op.getValue()), null, Map.of("op", op.getKey())));
                opMetrics++;
            }
        }

        ModelFacts.Parameters parameters = facts.parameters();
        add(metrics, "model.parameter_count", parameters.total());
        add(metrics, "model.initializer_parameter_count", parameters.fromInitializers());
        add(metrics, "model.constant_parameter_count", parameters.fromConstantNodes());
        for (Map.Entry<String, Long> type : parameters.byElementType().entrySet()) {
            if (SCOPE_VALUE.matcher(type.getKey()).matches()) {
                metrics.add(Metric.of("model.parameter_count_by_dtype", BigDecimal.valueOf(type.getValue()), null,
                        Map.of("dtype", type.getKey())));
            }
        }
        add(metrics, "model.weight_count", parameters.weights());
        add(metrics, "model.int8_weight_count", parameters.int8Weights());
        fraction(metrics, "model.int8_weight_fraction", parameters.int8WeightFraction());
        fraction(metrics, "model.weight_zero_fraction", parameters.zeroWeightFraction());

        ModelFacts.Quantization quantization = facts.quantization();
        add(metrics, "model.quantize_linear_count", quantization.quantizeLinear());
        add(metrics, "model.dequantize_linear_count", quantization.dequantizeLinear());
        add(metrics, "model.integer_op_count", quantization.integerOpCount());
        add(metrics, "model.qdq_per_channel_count", quantization.perChannelQdq());
        add(metrics, "model.qdq_per_tensor_count", quantization.perTensorQdq());

        add(metrics, "model.external_data_tensor_count", facts.externalData().tensors());
        return metrics;
    }

    static List<String> notes(ModelFacts facts) {
        List<String> notes = new ArrayList<>();
        String opsets = facts.opsetImports().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        notes.add("ONNX IR version " + facts.irVersion() + ", opsets " + (opsets.isEmpty() ? "none" : opsets)
                + ", produced by " + (facts.producerName().isEmpty() ? "an unnamed tool" : facts.producerName()
                + (facts.producerVersion().isEmpty() ? "" : " " + facts.producerVersion())));
        notes.add("graph '" + facts.graphName() + "': inputs " + list(facts.inputs()) + "; outputs " + list(facts.outputs()));
        ModelFacts.Parameters parameters = facts.parameters();
        notes.add(parameters.total() + " parameters: " + parameters.fromInitializers() + " in initializers, "
                + parameters.fromConstantNodes() + " in Constant nodes (counted too: paddle2onnx keeps weights there)");
        ModelFacts.Quantization quantization = facts.quantization();
        if (quantization.hasQdq() || quantization.integerOpCount() > 0 || parameters.int8Weights() > 0) {
            notes.add("quantized: " + quantization.quantizeLinear() + " QuantizeLinear, " + quantization.dequantizeLinear()
                    + " DequantizeLinear (" + quantization.perChannelQdq() + " per-channel, " + quantization.perTensorQdq()
                    + " per-tensor, " + quantization.unknownScaleQdq() + " with computed scales), "
                    + quantization.integerOpCount() + " integer operators, " + parameters.int8Weights() + " of "
                    + parameters.weights() + " weights stored as INT8/UINT8");
        }
        if (facts.externalData().tensors() > 0) {
            notes.add(facts.externalData().tensors() + " tensors keep their data in external files, not opened: "
                    + String.join(", ", facts.externalData().locations()));
        }
        if (!facts.metadata().isEmpty()) {
            notes.add("metadata: " + facts.metadata().entrySet().stream().limit(20)
                    .map(e -> e.getKey() + "=" + cut(e.getValue())).collect(Collectors.joining(", ")));
        }
        return notes;
    }

    private static String list(List<TensorSignature> tensors) {
        if (tensors.isEmpty()) {
            return "none";
        }
        String shown = tensors.stream().limit(MAX_LISTED).map(TensorSignature::toString).collect(Collectors.joining(", "));
        return tensors.size() > MAX_LISTED ? shown + " and " + (tensors.size() - MAX_LISTED) + " more" : shown;
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void add(List<Metric> metrics, String name, long value) {
        metrics.add(Metric.of(name, BigDecimal.valueOf(value), null, null));
    }

    private static void fraction(List<Metric> metrics, String name, OptionalDouble value) {
        if (value.isPresent()) {
            metrics.add(Metric.of(name, BigDecimal.valueOf(value.getAsDouble()).setScale(6, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros(), null, null));
        }
    }
}
