package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelFacts.TensorSignature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_NAME_BYTES;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_NODES;

/**
 * Walks a {@code GraphProto} with its nodes and attributes, and the subgraphs in those attributes (If/Loop/Scan
 * bodies): nodes and initializers of every graph count, but only the main graph's name, inputs and outputs
 * describe the model. What a node means for the parameters and the quantization is left to the tallies; this
 * class only knows the graph's layout in onnx.proto.
 */
final class OnnxGraphReader {

    private final ProtobufReader reader;
    private final OnnxTensorReader tensors;
    private final OnnxSignatureReader signatures;
    private final OnnxParameterTally parameters;
    private final OnnxQuantizationTally quantization;
    private final OnnxOperatorHistogram opTypes;

    private String graphName = "";
    private final List<TensorSignature> inputs = new ArrayList<>();
    private final List<TensorSignature> outputs = new ArrayList<>();
    private final Set<String> topInitializerNames = new HashSet<>();
    private long nodes;

    OnnxGraphReader(ProtobufReader reader, OnnxNameBudget names, OnnxTensorReader tensors,
                    OnnxParameterTally parameters, OnnxQuantizationTally quantization) {
        this.reader = reader;
        this.tensors = tensors;
        this.signatures = new OnnxSignatureReader(reader, names);
        this.parameters = parameters;
        this.quantization = quantization;
        this.opTypes = new OnnxOperatorHistogram(reader, names);
    }

    /** The main graph's name. */
    String graphName() {
        return graphName;
    }

    /** The main graph's inputs, without those that are initializers (those are weights, not model inputs). */
    List<TensorSignature> modelInputs() {
        return inputs.stream().filter(input -> !topInitializerNames.contains(input.name())).toList();
    }

    List<TensorSignature> outputs() {
        return outputs;
    }

    /** The nodes in all graphs. */
    long nodes() {
        return nodes;
    }

    OnnxOperatorHistogram opTypes() {
        return opTypes;
    }

    /** Reads the current field as a graph; {@code main} for the model's own, false for a subgraph. */
    void readGraph(boolean main) {
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
                    OnnxTensor initializer = tensors.read("initializer");
                    parameters.register(initializer);
                    if (main) {
                        topInitializerNames.add(initializer.name);
                    }
                }
                case 11 -> signatures.read(main ? inputs : null, "graph input");
                case 12 -> signatures.read(main ? outputs : null, "graph output");
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
    }

    private void readNode() {
        long start = reader.fieldStart();
        reader.enterMessage("node");
        String opType = "";
        String domain = "";
        String[] firstInputs = new String[3];
        int inputIndex = 0;
        String firstOutput = null;
        OnnxTensor value = null;
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
        opTypes.count(qualified);
        if (opType.equals("Constant")) {
            if (value != null) {
                value.name = firstOutput == null ? "" : firstOutput;
                value.constantNode = true;
                parameters.register(value);
            }
        } else {
            quantization.node(opType, qualified, firstInputs, axis);
        }
    }

    private record Attribute(String name, OnnxTensor tensor) {
    }

    /** Reads an attribute's name and tensor (if any), walking subgraphs; other values are skipped. */
    private Attribute readAttribute() {
        reader.enterMessage("attribute");
        String name = "";
        OnnxTensor tensor = null;
        while (reader.nextField()) {
            switch (reader.field()) {
                case 1 -> name = reader.readString(MAX_NAME_BYTES, "attribute name");
                case 5 -> tensor = tensors.read("attribute tensor");
                case 6, 11 -> readGraph(false);
                default -> reader.skipField();
            }
        }
        reader.exitMessage();
        return new Attribute(name, tensor);
    }
}
