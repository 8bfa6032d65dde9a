package io.tracegate.evidence.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an ONNX model file says about itself, read without running it: format versions, producer, the graph's
 * interface, its operators, how many parameters it holds and in which element types, and how (whether) it is
 * quantized. The evidence cross-check compares these facts with the release's optimization recipe.
 *
 * @param irVersion       the ONNX IR version (ModelProto.ir_version)
 * @param opsetImports    operator set versions by domain; the default domain is {@value #DEFAULT_DOMAIN}
 * @param producerName    e.g. {@code pytorch}; empty when absent
 * @param producerVersion e.g. {@code 2.4.0}; empty when absent
 * @param graphName       the main graph's name; empty when absent
 * @param inputs          the model's inputs: graph inputs that are not also initializers
 * @param outputs         the graph outputs
 * @param nodeCount       nodes in the main graph and in its subgraphs (If/Loop/Scan bodies)
 * @param opTypes         node count by operator type, qualified by domain when the domain is not the default
 *                        (e.g. {@code com.microsoft.QLinearConv})
 * @param metadata        ModelProto.metadata_props (at most a few hundred entries, values cut to 4 KiB)
 */
public record ModelFacts(long irVersion, SortedMap<String, Long> opsetImports, String producerName,
                         String producerVersion, String graphName, List<TensorSignature> inputs,
                         List<TensorSignature> outputs, long nodeCount, SortedMap<String, Long> opTypes,
                         Parameters parameters, Quantization quantization, ExternalData externalData,
                         SortedMap<String, String> metadata) {

    /** The operator set domain of the standard ONNX operators, which files write as the empty string. */
    public static final String DEFAULT_DOMAIN = "ai.onnx";

    public ModelFacts {
        opsetImports = sorted(opsetImports);
        producerName = Objects.requireNonNullElse(producerName, "");
        producerVersion = Objects.requireNonNullElse(producerVersion, "");
        graphName = Objects.requireNonNullElse(graphName, "");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        opTypes = sorted(opTypes);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(externalData, "externalData");
        metadata = sorted(metadata);
    }

    /** The operator set version imported for {@code domain} ({@value #DEFAULT_DOMAIN} for the standard operators). */
    public OptionalLong opset(String domain) {
        Long version = opsetImports.get(domain == null || domain.isEmpty() ? DEFAULT_DOMAIN : domain);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** The standard ({@value #DEFAULT_DOMAIN}) operator set version. */
    public OptionalLong defaultOpset() {
        return opset(DEFAULT_DOMAIN);
    }

    /** How many nodes have this (domain-qualified) operator type. */
    public long count(String opType) {
        return opTypes.getOrDefault(opType, 0L);
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }

    /**
     * A model input or output.
     *
     * @param elementType ONNX element type name, e.g. {@code FLOAT}, {@code INT8}, {@code FLOAT16}, {@code INT64};
     *                    {@code SEQUENCE}, {@code MAP}, {@code OPTIONAL} for non-tensor values; {@code UNDEFINED} when absent
     * @param dims        one entry per dimension: a number, a symbolic name such as {@code batch}, or {@code ?}
     * @param ranked      false when the file gives no shape at all (rank unknown; {@code dims} is then empty)
     */
    public record TensorSignature(String name, String elementType, List<String> dims, boolean ranked) {

        public TensorSignature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(elementType, "elementType");
            dims = List.copyOf(dims);
        }

        @Override
        public String toString() {
            return name + " " + elementType + (ranked ? dims.toString() : " (rank unknown)");
        }
    }

    /**
     * Parameters: the elements of initializers and of {@code Constant} nodes' {@code value} tensors. Constant nodes
     * count because some exporters (paddle2onnx) keep every weight in them and leave the initializer list empty;
     * the few shape constants a PyTorch export also has are counted with them. Tensors kept in external data files
     * are counted from their declared dims.
     *
     * @param total               all parameter elements
     * @param fromInitializers    of which from initializers
     * @param fromConstantNodes   of which from Constant nodes
     * @param byElementType       element type name → parameter elements
     * @param weights             elements that are weights: floating-point and 8/4-bit integer tensors that are not a
     *                            QuantizeLinear/DequantizeLinear scale or zero point
     * @param int8Weights         of the weights, those stored as INT8 or UINT8
     * @param zeroScannedWeights  elements of weight tensors of rank 2 or more (convolution and matrix weights) whose
     *                            values were in the file and were counted for zeros (FLOAT, FLOAT16, BFLOAT16,
     *                            DOUBLE; INT8 assuming symmetric quantization, zero point 0)
     * @param zeroWeights         of those, the elements equal to zero
     */
    public record Parameters(long total, long fromInitializers, long fromConstantNodes,
                             SortedMap<String, Long> byElementType, long weights, long int8Weights,
                             long zeroScannedWeights, long zeroWeights) {

        public Parameters {
            byElementType = sorted(byElementType);
        }

        /** The share of weights stored as INT8/UINT8; empty for a model without weights. */
        public OptionalDouble int8WeightFraction() {
            return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) int8Weights / weights);
        }

        /** The share of zeros among the scanned weights; empty when no weight values could be scanned. */
        public OptionalDouble zeroWeightFraction() {
            return zeroScannedWeights == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) zeroWeights / zeroScannedWeights);
        }

        /** Weight elements stored in the given element type, e.g. {@code FLOAT16} (scales and zero points included). */
        public long ofElementType(String elementType) {
            return byElementType.getOrDefault(elementType, 0L);
        }
    }

    /**
     * How the graph is quantized. A QuantizeLinear or DequantizeLinear node is per-channel when its scale is an
     * initializer or constant with more than one element (per-channel or blocked, along its {@code axis}), or a
     * one-element vector on a node with an {@code axis} attribute (a channel dimension of size 1); per-tensor when
     * the scale has one element otherwise; of unknown granularity when the scale is computed in the graph.
     *
     * @param quantizeLinear   QuantizeLinear nodes, any domain
     * @param dequantizeLinear DequantizeLinear nodes, any domain
     * @param integerOps       integer-arithmetic operators by (qualified) type: QLinearConv, QLinearMatMul,
     *                         ConvInteger, MatMulInteger, QLinearAdd, QGemm, DynamicQuantizeLinear and the like
     * @param perChannelQdq    Q/DQ nodes with a multi-element scale
     * @param perTensorQdq     Q/DQ nodes with a single-element scale
     * @param unknownScaleQdq  Q/DQ nodes whose scale the file does not fix
     */
    public record Quantization(long quantizeLinear, long dequantizeLinear, SortedMap<String, Long> integerOps,
                               long perChannelQdq, long perTensorQdq, long unknownScaleQdq) {

        public Quantization {
            integerOps = sorted(integerOps);
        }

        public boolean hasQdq() {
            return quantizeLinear + dequantizeLinear > 0;
        }

        public long integerOpCount() {
            return integerOps.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Tensors whose data lives in files beside the model (TensorProto.data_location = EXTERNAL). Tracegate never
     * opens those paths; they are recorded for display only.
     *
     * @param tensors   how many tensors keep their data outside the model file
     * @param locations the file names they reference, as written (at most 100)
     */
    public record ExternalData(long tensors, SortedSet<String> locations) {

        public static final int MAX_LOCATIONS = 100;

        public ExternalData {
            locations = Collections.unmodifiableSortedSet(new TreeSet<>(locations == null ? Set.of() : locations));
        }

        public static ExternalData none() {
            return new ExternalData(0, new TreeSet<>());
        }
    }
}
