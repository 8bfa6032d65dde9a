package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelFacts.Parameters;

import java.io.InputStream;
import java.util.TreeMap;

import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_DOMAINS;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_METADATA;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_NAME_BYTES;

/**
 * Reads {@link ModelFacts} out of an ONNX model (a protobuf {@code ModelProto}) in one streaming pass with
 * {@link ProtobufReader}: tensor data ({@code raw_data} and the typed value fields) is never held, only counted
 * (elements, and zeros in weight tensors); the memory kept grows with the number of named initializers and
 * quantization parameters, not with the weights. Field numbers are those of onnx.proto (see FORMATS.md).
 *
 * <p>This class reads the {@code ModelProto} itself (IR version, producer, opset imports, metadata) and puts the
 * facts together; the graph is walked by {@link OnnxGraphReader}, tensors are read by {@link OnnxTensorReader},
 * and {@link OnnxParameterTally} and {@link OnnxQuantizationTally} add up what they find.
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
 * {@value ProtobufReader#MAX_DEPTH}, names longer than {@value OnnxLimits#MAX_NAME_BYTES} bytes, more than
 * {@value OnnxLimits#MAX_NODES} nodes, a tensor whose data does not match its dims (see {@link OnnxLimits}).
 */
final class OnnxReader {

    private final ProtobufReader reader;
    private final OnnxNameBudget names;
    private final OnnxTensorReader tensors;
    private final OnnxParameterTally parameters;
    private final OnnxQuantizationTally quantization;
    private final OnnxGraphReader graph;

    private Long irVersion;
    private final TreeMap<String, Long> opsets = new TreeMap<>();
    private String producerName = "";
    private String producerVersion = "";
    private boolean graphSeen;
    private final TreeMap<String, String> metadata = new TreeMap<>();

    private OnnxReader(String fileName, InputStream in, long size) {
        this.reader = new ProtobufReader(in, fileName, size);
        this.names = new OnnxNameBudget(reader);
        this.tensors = new OnnxTensorReader(reader, names);
        this.parameters = new OnnxParameterTally(reader, names);
        this.quantization = new OnnxQuantizationTally(reader, names);
        this.graph = new OnnxGraphReader(reader, names, tensors, parameters, quantization);
    }

    /**
     * @param size the file's size in bytes when known (sharper messages about bad lengths), else negative
     * @throws EvidenceRejected naming the file and the problem
     */
    static ModelFacts read(String fileName, InputStream in, long size) {
        return new OnnxReader(fileName, in, size).readModel();
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
                    graph.readGraph(true);
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
        Parameters parameterFacts = parameters.parameters(quantization::isQdqParameter);
        return new ModelFacts(irVersion, opsets, producerName, producerVersion, graph.graphName(),
                graph.modelInputs(), graph.outputs(), graph.nodes(), graph.opTypes().counts(),
                parameterFacts, quantization.quantization(parameters::named), tensors.externalData(), metadata);
    }

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
        opsets.put(names.retain(key), version);
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
            metadata.put(names.retain(key), names.retain(value));
        }
    }
}
