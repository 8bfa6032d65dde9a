package io.tracegate.evidence.infrastructure;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelFacts.ExternalData;
import io.tracegate.evidence.domain.ModelFacts.Parameters;
import io.tracegate.evidence.domain.ModelFacts.Quantization;
import io.tracegate.evidence.domain.ModelFacts.TensorSignature;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@link ModelFacts} out of an ONNX model (a protobuf {@code ModelProto}) in one streaming pass with
 * {@link ProtobufReader}: tensor data ({@code raw_data} and the typed value fields) is never held, only counted
 * (elements, and zeros in weight tensors); the memory kept grows with the number of named initializers and
 * quantization parameters, not with the weights. Field numbers are those of onnx.proto (see FORMATS.md).
 *
 * <p>Walks the main graph and the subgraphs in node attributes (If/Loop/Scan bodies): their nodes and
 * initializers count, their inputs and outputs do not. Not read: {@code sparse_initializer}, model-local
 * functions, training info, and Constant nodes' scalar/list attributes ({@code value_float}, {@code value_ints}
 * ...) — only {@code value} tensors are parameters.
 *
 * <p>External data ({@code data_location = EXTERNAL}, {@code external_data} entries) is never followed: the
 * {@code location} strings are recorded for display and the tensor counts from its declared dims.
 *
 * <p>Refused, with the file name and the problem: empty input, anything that is not protobuf or has no graph or
 * IR version, truncation, declared lengths beyond the bytes left, nesting deeper than
 * {@value ProtobufReader#MAX_DEPTH}, names longer than {@value #MAX_NAME_BYTES} bytes, more than
 * {@value #MAX_NODES} nodes, a tensor whose data does not match its dims.
 */
final class OnnxReader {

    static final long MAX_NODES = 5_000_000;
    static final int MAX_NAME_BYTES = 4096;
    static final int MAX_TENSORS = 1_000_000;
    static final int MAX_VALUE_INFOS = 100_000;
    static final int MAX_DIMS = 64;
    static final int MAX_METADATA = 256;
    static final int MAX_DOMAINS = 1_000;
    static final int MAX_OP_TYPES = 10_000;
    static final long MAX_RETAINED_CHARS = 32L * 1024 * 1024;

    private static final int DATA_LOCATION_EXTERNAL = 1;

    /** TensorProto.DataType names by code. */
    private static final String[] ELEMENT_TYPES = {
            "UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
            "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16", "FLOAT8E4M3FN",
            "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4", "FLOAT4E2M1"};

    /** Bits per element by data type code; 0 where not fixed (UNDEFINED, STRING). */
    private static final int[] ELEMENT_BITS = {
            0, 32, 8, 8, 16, 16, 32, 64, 0, 8,
            16, 64, 32, 64, 64, 128, 16, 8,
            8, 8, 8, 4, 4, 4};

    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;
    private static final int FLOAT16 = 10;
    private static final int DOUBLE = 11;
    private static final int COMPLEX64 = 14;
    private static final int COMPLEX128 = 15;
    private static final int BFLOAT16 = 16;

    private static final Set<String> INTEGER_OPS = Set.of("ConvInteger", "MatMulInteger", "QGemm", "QAttention",
            "DynamicQuantizeLinear", "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "MatMulNBits", "QOrderedMatMul");

    private final String fileName;
    private final ProtobufReader reader;

    private Long irVersion;
    private final TreeMap<String, Long> opsets = new TreeMap<>();
    private String producerName = "";
    private String producerVersion = "";
    private boolean graphSeen;
    private String graphName = "";
    private final List<TensorSignature> inputs = new ArrayList<>();
    private final List<TensorSignature> outputs = new ArrayList<>();
    private final Set<String> topInitializerNames = new HashSet<>();
    private long nodes;
    private final TreeMap<String, Long> opTypes = new TreeMap<>();
    private final TreeMap<String, Long> integerOps = new TreeMap<>();
    private long quantizeLinear;
    private long dequantizeLinear;
    private long qdqWithoutScale;
    private final Map<String, Long> qdqScaleUses = new HashMap<>();
    private final Map<String, Long> qdqScaleUsesWithAxis = new HashMap<>();
    private final Set<String> qdqParameterNames = new HashSet<>();
    private final List<TensorSummary> parameters = new ArrayList<>();
    private final Map<String, TensorSummary> parametersByName = new HashMap<>();
    private long externalTensors;
    private final TreeSet<String> externalLocations = new TreeSet<>();
    private final TreeMap<String, String> metadata = new TreeMap<>();
    private long retainedChars;

    private OnnxReader(String fileName, InputStream in, long size) {
        this.fileName = fileName;
        this.reader = new ProtobufReader(in, fileName, size);
    }

    /**
     * @param size the file's size in bytes when known (sharper messages about bad lengths), else negative
     * @throws EvidenceRejected naming the file and the problem
     */
    static ModelFacts read(String fileName, InputStream in, long size) {
        return new OnnxReader(fileName, in, size).readModel();
    }

    static String elementTypeName(long code) {
        return code >= 0 && code < ELEMENT_TYPES.length ? ELEMENT_TYPES[(int) code] : "TYPE_" + code;
    }

    private ModelFacts readModel() {
        if (reader.isEmpty()) {
            throw reader.reject("empty file, not an ONNX model");
        }
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> {
                    reader.expect(ProtobufReader.VARINT, "ir_version");
                    irVersion = reader.readVarint();
                }
                case 2 -> producerName = reader.readString(MAX_NAME_BYTES, "producer name");
                case 3 -> producerVersion = reader.readString(MAX_NAME_BYTES, "producer version");
                case 7 -> {
                    graphSeen = true;
                    readGraph(true);
                }
                case 8 -> readOpsetImport();
                case 14 -> readMetadataEntry();
                default -> reader.skipField();
            }
        }
        if (!graphSeen) {
            throw reader.reject("not an ONNX model: it has no graph (ModelProto field 7)");
        }
        if (irVersion == null) {
            throw reader.reject("not an ONNX model: it has no ir_version (ModelProto field 1)");
        }
        if (irVersion < 1 || irVersion > 100) {
            throw reader.reject("not an ONNX model: ir_version " + Long.toUnsignedString(irVersion)
                    + " is no ONNX IR version");
        }
        return facts();
    }

    private ModelFacts facts() {
        List<TensorSignature> modelInputs = inputs.stream()
                .filter(input -> !topInitializerNames.contains(input.name())).toList();

        long perChannel = 0;
        long perTensor = 0;
        long unknownScale = qdqWithoutScale;
        for (Map.Entry<String, Long> use : qdqScaleUses.entrySet()) {
            TensorSummary scale = parametersByName.get(use.getKey());
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

        long total = 0;
        long fromInitializers = 0;
        long fromConstants = 0;
        long weights = 0;
        long int8Weights = 0;
        long zeroScanned = 0;
        long zeros = 0;
        TreeMap<String, Long> byType = new TreeMap<>();
        for (TensorSummary tensor : parameters) {
            total = add(total, tensor.elements);
            if (tensor.constantNode) {
                fromConstants = add(fromConstants, tensor.elements);
            } else {
                fromInitializers = add(fromInitializers, tensor.elements);
            }
            byType.merge(elementTypeName(tensor.dataType), tensor.elements, this::add);
            if (isWeightType(tensor.dataType) && !qdqParameterNames.contains(tensor.name)) {
                weights = add(weights, tensor.elements);
                if (tensor.dataType == INT8 || tensor.dataType == UINT8) {
                    int8Weights = add(int8Weights, tensor.elements);
                }
                if (tensor.rank >= 2 && tensor.zerosCounted) {
                    zeroScanned = add(zeroScanned, tensor.elements);
                    zeros = add(zeros, tensor.zeros);
                }
            }
        }
        return new ModelFacts(irVersion, opsets, producerName, producerVersion, graphName, modelInputs, outputs,
                nodes, opTypes,
                new Parameters(total, fromInitializers, fromConstants, byType, weights, int8Weights, zeroScanned, zeros),
                new Quantization(quantizeLinear, dequantizeLinear, integerOps, perChannel, perTensor, unknownScale),
                new ExternalData(externalTensors, externalLocations), metadata);
    }

    private long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw reader.reject("the parameter count overflows 64 bits");
        }
    }

    // ---- ModelProto parts

    private void readOpsetImport() {
        reader.enterMessage("opset_import");
        String domain = "";
        long version = 0;
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> domain = reader.readString(MAX_NAME_BYTES, "opset domain");
                case 2 -> {
                    reader.expect(ProtobufReader.VARINT, "opset version");
                    version = reader.readVarint();
                }
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        String key = domain.isEmpty() ? ModelFacts.DEFAULT_DOMAIN : domain;
        if (!opsets.containsKey(key) && opsets.size() >= MAX_DOMAINS) {
            throw reader.reject("more than " + MAX_DOMAINS + " operator set imports");
        }
        opsets.put(retain(key), version);
    }

    private void readMetadataEntry() {
        reader.enterMessage("metadata_props");
        String key = "";
        String value = "";
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> key = reader.readString(MAX_NAME_BYTES, "metadata key");
                case 2 -> value = reader.readStringCut(MAX_NAME_BYTES, "metadata value");
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        if (metadata.size() < MAX_METADATA || metadata.containsKey(key)) {
            metadata.put(retain(key), retain(value));
        }
    }

    // ---- GraphProto

    private void readGraph(boolean main) {
        reader.enterMessage("graph");
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> readNode();
                case 2 -> {
                    String name = reader.readString(MAX_NAME_BYTES, "graph name");
                    if (main) {
                        graphName = name;
                    }
                }
                case 5 -> {
                    TensorSummary initializer = readTensor("initializer");
                    register(initializer);
                    if (main) {
                        topInitializerNames.add(initializer.name);
                    }
                }
                case 11 -> readValueInfo(main ? inputs : null, "graph input");
                case 12 -> readValueInfo(main ? outputs : null, "graph output");
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
    }

    private void register(TensorSummary tensor) {
        if (parameters.size() >= MAX_TENSORS) {
            throw reader.reject("more than " + MAX_TENSORS + " initializers and constants");
        }
        tensor.name = retain(tensor.name);
        parameters.add(tensor);
        if (!tensor.name.isEmpty()) {
            parametersByName.put(tensor.name, tensor);
        }
    }

    // ---- NodeProto and AttributeProto

    private void readNode() {
        long start = reader.fieldStart();
        reader.enterMessage("node");
        String opType = "";
        String domain = "";
        String[] firstInputs = new String[3];
        int inputIndex = 0;
        String firstOutput = null;
        TensorSummary value = null;
        boolean axis = false;
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> {
                    String input = reader.readString(MAX_NAME_BYTES, "node input name");
                    if (inputIndex < firstInputs.length) {
                        firstInputs[inputIndex] = input;
                    }
                    inputIndex++;
                }
                case 2 -> {
                    String output = reader.readString(MAX_NAME_BYTES, "node output name");
                    if (firstOutput == null) {
                        firstOutput = output;
                    }
                }
                case 3 -> reader.readString(MAX_NAME_BYTES, "node name");
                case 4 -> opType = reader.readString(MAX_NAME_BYTES, "operator type");
                case 7 -> domain = reader.readString(MAX_NAME_BYTES, "operator domain");
                case 5 -> {
                    Attribute attribute = readAttribute();
                    if (attribute.name().equals("value") && attribute.tensor() != null) {
                        value = attribute.tensor();
                    }
                    axis |= attribute.name().equals("axis");
                }
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        if (opType.isEmpty()) {
            throw reader.reject("the node at byte " + start + " has no operator type; not an ONNX model");
        }
        if (++nodes > MAX_NODES) {
            throw reader.reject("more than " + MAX_NODES + " nodes");
        }
        String qualified = domain.isEmpty() || domain.equals(ModelFacts.DEFAULT_DOMAIN) ? opType : domain + "." + opType;
        count(opTypes, qualified);
        switch (opType) {
            case "Constant" -> {
                if (value != null) {
                    value.name = firstOutput == null ? "" : firstOutput;
                    value.constantNode = true;
                    register(value);
                }
            }
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
                        retain(scale);
                    }
                    qdqParameterNames.add(scale);
                    if (axis) {
                        qdqScaleUsesWithAxis.merge(scale, 1L, Long::sum);
                    }
                }
                if (firstInputs[2] != null && !firstInputs[2].isEmpty() && qdqParameterNames.add(firstInputs[2])) {
                    retain(firstInputs[2]);
                }
            }
            default -> {
                if (opType.startsWith("QLinear") || INTEGER_OPS.contains(opType)) {
                    count(integerOps, qualified);
                }
            }
        }
    }

    private void count(Map<String, Long> histogram, String key) {
        Long previous = histogram.get(key);
        if (previous == null) {
            if (histogram.size() >= MAX_OP_TYPES) {
                throw reader.reject("more than " + MAX_OP_TYPES + " distinct operator types");
            }
            histogram.put(retain(key), 1L);
        } else {
            histogram.put(key, previous + 1);
        }
    }

    private record Attribute(String name, TensorSummary tensor) {
    }

    /** Reads an attribute's name and tensor (if any), walking subgraphs; other values are skipped. */
    private Attribute readAttribute() {
        reader.enterMessage("attribute");
        String name = "";
        TensorSummary tensor = null;
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> name = reader.readString(MAX_NAME_BYTES, "attribute name");
                case 5 -> tensor = readTensor("attribute tensor");
                case 6, 11 -> readGraph(false);
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        return new Attribute(name, tensor);
    }

    // ---- TensorProto

    private TensorSummary readTensor(String what) {
        long start = reader.fieldStart();
        reader.enterMessage(what);
        TensorSummary tensor = new TensorSummary();
        long[] typed = new long[2]; // values, zeros
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> reader.readVarints(dim -> {
                    if (dim < 0) {
                        throw reader.reject(what + " at byte " + start + " has a negative dimension " + dim);
                    }
                    if (++tensor.rank > MAX_DIMS) {
                        throw reader.reject(what + " at byte " + start + " has more than " + MAX_DIMS + " dimensions");
                    }
                    try {
                        tensor.elements = Math.multiplyExact(tensor.elements, dim);
                    } catch (ArithmeticException overflow) {
                        throw reader.reject(what + " at byte " + start + " has dimensions whose product overflows 64 bits");
                    }
                });
                case 2 -> {
                    reader.expect(ProtobufReader.VARINT, "data_type");
                    tensor.dataType = (int) Math.min(Integer.MAX_VALUE, reader.readVarint());
                }
                case 4 -> reader.readFixed32s(bits -> {
                    typed[0]++;
                    if ((bits & 0x7FFF_FFFF) == 0) {
                        typed[1]++;
                    }
                });
                case 5 -> reader.readVarints(v -> {
                    typed[0]++;
                    boolean halfFloat = tensor.dataType == FLOAT16 || tensor.dataType == BFLOAT16;
                    if (halfFloat ? (v & 0x7FFF) == 0 : v == 0) {
                        typed[1]++;
                    }
                });
                case 7, 11 -> typed[0] += reader.readVarints(v -> { });
                case 10 -> reader.readFixed64s(bits -> {
                    typed[0]++;
                    if ((bits & Long.MAX_VALUE) == 0) {
                        typed[1]++;
                    }
                });
                case 6 -> {
                    reader.skipField();
                    typed[0]++;
                }
                case 8 -> tensor.name = reader.readString(MAX_NAME_BYTES, "tensor name");
                case 9 -> {
                    ZeroCounter zeros = ZeroCounter.forType(tensor.dataType);
                    tensor.rawBytes = reader.streamBytes(zeros == null ? (b, o, l) -> { } : zeros);
                    tensor.rawZeros = zeros == null ? -1 : zeros.zeros;
                }
                case 13 -> {
                    tensor.external = true;
                    readExternalDataEntry();
                }
                case 14 -> {
                    reader.expect(ProtobufReader.VARINT, "data_location");
                    if (reader.readVarint() == DATA_LOCATION_EXTERNAL) {
                        tensor.external = true;
                    }
                }
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        check(tensor, typed[0], what, start);
        if (tensor.external) {
            externalTensors++;
        } else if (tensor.rawBytes >= 0) {
            tensor.zerosCounted = tensor.rawZeros >= 0;
            tensor.zeros = Math.max(0, tensor.rawZeros);
        } else if (typed[0] > 0 && isZeroScannable(tensor.dataType)) {
            tensor.zerosCounted = true;
            tensor.zeros = typed[1];
        }
        return tensor;
    }

    /** The tensor's data must hold exactly the elements its dims declare (else a parameter count means nothing). */
    private void check(TensorSummary tensor, long typedValues, String what, long start) {
        if (tensor.external) {
            return;
        }
        String label = what + (tensor.name.isEmpty() ? "" : " '" + tensor.name + "'") + " at byte " + start;
        int bits = tensor.dataType >= 0 && tensor.dataType < ELEMENT_BITS.length ? ELEMENT_BITS[tensor.dataType] : 0;
        if (tensor.rawBytes >= 0) {
            if (bits == 0) {
                return;
            }
            if (tensor.elements > Long.MAX_VALUE / 128) {
                throw reader.reject(label + " declares " + tensor.elements + " elements, more than any file holds");
            }
            long expected = (tensor.elements * bits + 7) / 8;
            if (tensor.rawBytes != expected) {
                throw reader.reject(label + " declares " + tensor.elements + " " + elementTypeName(tensor.dataType)
                        + " elements (" + expected + " bytes) but its raw_data holds " + tensor.rawBytes + " bytes");
            }
        } else if (typedValues > 0) {
            long expected = tensor.dataType == COMPLEX64 || tensor.dataType == COMPLEX128
                    ? tensor.elements * 2 : tensor.elements;
            if (typedValues != expected) {
                throw reader.reject(label + " declares " + tensor.elements + " elements but holds " + typedValues
                        + " values");
            }
        } else if (tensor.elements > 0) {
            throw reader.reject(label + " declares " + tensor.elements + " elements but holds no data");
        }
    }

    private void readExternalDataEntry() {
        reader.enterMessage("external_data");
        String key = "";
        String value = "";
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> key = reader.readString(MAX_NAME_BYTES, "external data key");
                case 2 -> value = reader.readString(MAX_NAME_BYTES, "external data value");
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        if (key.equals("location") && externalLocations.size() < ExternalData.MAX_LOCATIONS
                && externalLocations.add(value)) {
            retain(value);
        }
    }

    // ---- ValueInfoProto and TypeProto

    private void readValueInfo(List<TensorSignature> into, String what) {
        if (into == null) {
            reader.skipField();
            return;
        }
        if (into.size() >= MAX_VALUE_INFOS) {
            throw reader.reject("more than " + MAX_VALUE_INFOS + " " + what + "s");
        }
        reader.enterMessage(what);
        String name = "";
        TypeInfo type = new TypeInfo();
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> name = reader.readString(MAX_NAME_BYTES, what + " name");
                case 2 -> readType(type);
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        retain(name);
        type.dims.forEach(this::retain);
        into.add(new TensorSignature(name, type.elementType, type.dims, type.ranked));
    }

    private void readType(TypeInfo type) {
        reader.enterMessage("type");
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1, 8 -> readTensorType(type);
                case 4 -> {
                    type.elementType = "SEQUENCE";
                    reader.skipField();
                }
                case 5 -> {
                    type.elementType = "MAP";
                    reader.skipField();
                }
                case 9 -> {
                    type.elementType = "OPTIONAL";
                    reader.skipField();
                }
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
    }

    private void readTensorType(TypeInfo type) {
        reader.enterMessage("tensor type");
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> {
                    reader.expect(ProtobufReader.VARINT, "elem_type");
                    type.elementType = elementTypeName(reader.readVarint());
                }
                case 2 -> {
                    type.ranked = true;
                    reader.enterMessage("shape");
                    while (reader.nextField()) {
                        if (reader.field() == 1) {
                            if (type.dims.size() >= MAX_DIMS) {
                                throw reader.reject("a shape at byte " + reader.fieldStart() + " has more than "
                                        + MAX_DIMS + " dimensions");
                            }
                            type.dims.add(readDimension());
                        } else {
                            reader.skipField();
                        }
                    }
                    reader.exitMessage();
                }
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
    }

    private String readDimension() {
        reader.enterMessage("dimension");
        String dim = "?";
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> {
                    reader.expect(ProtobufReader.VARINT, "dim_value");
                    dim = Long.toString(reader.readVarint());
                }
                case 2 -> {
                    String param = reader.readString(MAX_NAME_BYTES, "dim_param");
                    if (!param.isEmpty()) {
                        dim = param;
                    }
                }
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        return dim;
    }

    // ---- bounds and element types

    private String retain(String text) {
        retainedChars += text.length();
        if (retainedChars > MAX_RETAINED_CHARS) {
            throw reader.reject("the model's names add up to more than " + (MAX_RETAINED_CHARS >> 20) + " MiB");
        }
        return text;
    }

    private static boolean isWeightType(int dataType) {
        return switch (dataType) {
            case 1, 2, 3, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }

    private static boolean isZeroScannable(int dataType) {
        return dataType == FLOAT || dataType == INT8 || dataType == FLOAT16 || dataType == DOUBLE
                || dataType == BFLOAT16;
    }

    private static final class TensorSummary {
        String name = "";
        int dataType;
        int rank;
        long elements = 1;
        long rawBytes = -1;
        long rawZeros = -1;
        boolean external;
        boolean constantNode;
        boolean zerosCounted;
        long zeros;
    }

    private static final class TypeInfo {
        String elementType = "UNDEFINED";
        boolean ranked;
        final List<String> dims = new ArrayList<>();
    }

    /** Counts zero elements in little-endian raw tensor bytes as they stream past; floats count -0.0 as zero. */
    private static final class ZeroCounter implements ProtobufReader.ByteSink {

        private final int width;
        private final boolean floating;
        private int index;
        private int accumulated;
        long zeros;

        private ZeroCounter(int width, boolean floating) {
            this.width = width;
            this.floating = floating;
        }

        /** A counter for the data type, or null when zeros are not counted for it (or the type is not known yet). */
        static ZeroCounter forType(int dataType) {
            return switch (dataType) {
                case FLOAT -> new ZeroCounter(4, true);
                case DOUBLE -> new ZeroCounter(8, true);
                case FLOAT16, BFLOAT16 -> new ZeroCounter(2, true);
                case INT8 -> new ZeroCounter(1, false);
                default -> null;
            };
        }

        @Override
        public void accept(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                int b = bytes[i] & 0xFF;
                if (floating && index == width - 1) {
                    b &= 0x7F;
                }
                accumulated |= b;
                if (++index == width) {
                    if (accumulated == 0) {
                        zeros++;
                    }
                    accumulated = 0;
                    index = 0;
                }
            }
        }
    }
}
