package io.tracegate.evidence.infrastructure.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes ONNX models (ModelProto) field by field in field-number order, as protobuf serializers do, so the same
 * description always gives the same bytes. Test scope only: the demo models and the reader's test inputs.
 */
final class OnnxModelWriter {

    static final int FLOAT = 1;
    static final int UINT8 = 2;
    static final int INT8 = 3;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int FLOAT16 = 10;

    private long irVersion = 8;
    private String producerName = "";
    private String producerVersion = "";
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private String graphName = "main_graph";
    private final List<ProtobufWriter> nodes = new ArrayList<>();
    private final List<ProtobufWriter> initializers = new ArrayList<>();
    private final List<ProtobufWriter> inputs = new ArrayList<>();
    private final List<ProtobufWriter> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    OnnxModelWriter irVersion(long version) {
        this.irVersion = version;
        return this;
    }

    OnnxModelWriter producer(String name, String version) {
        this.producerName = name;
        this.producerVersion = version;
        return this;
    }

    OnnxModelWriter opset(String domain, long version) {
        opsets.put(domain, version);
        return this;
    }

    OnnxModelWriter graphName(String name) {
        this.graphName = name;
        return this;
    }

    OnnxModelWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** @param dims numbers become dim_value, strings dim_param, null an empty dimension */
    OnnxModelWriter input(String name, int elementType, Object... dims) {
        inputs.add(valueInfo(name, elementType, dims));
        return this;
    }

    OnnxModelWriter output(String name, int elementType, Object... dims) {
        outputs.add(valueInfo(name, elementType, dims));
        return this;
    }

    OnnxModelWriter initializer(Tensor tensor) {
        initializers.add(tensor.proto());
        return this;
    }

    OnnxModelWriter node(Node node) {
        nodes.add(node.proto());
        return this;
    }

    byte[] toBytes() {
        ProtobufWriter graph = new ProtobufWriter();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, graphName);
        initializers.forEach(initializer -> graph.message(5, initializer));
        inputs.forEach(input -> graph.message(11, input));
        outputs.forEach(output -> graph.message(12, output));

        ProtobufWriter model = new ProtobufWriter().varint(1, irVersion);
        if (!producerName.isEmpty()) {
            model.string(2, producerName);
        }
        if (!producerVersion.isEmpty()) {
            model.string(3, producerVersion);
        }
        model.message(7, graph);
        opsets.forEach((domain, version) -> {
            ProtobufWriter opset = new ProtobufWriter();
            if (!domain.isEmpty()) {
                opset.string(1, domain);
            }
            model.message(8, opset.varint(2, version));
        });
        metadata.forEach((key, value) -> model.message(14, new ProtobufWriter().string(1, key).string(2, value)));
        return model.toByteArray();
    }

    static ProtobufWriter valueInfo(String name, int elementType, Object... dims) {
        ProtobufWriter shape = new ProtobufWriter();
        for (Object dim : dims) {
            ProtobufWriter dimension = new ProtobufWriter();
            if (dim instanceof Number number) {
                dimension.varint(1, number.longValue());
            } else if (dim instanceof String param) {
                dimension.string(2, param);
            }
            shape.message(1, dimension);
        }
        ProtobufWriter tensorType = new ProtobufWriter().varint(1, elementType).message(2, shape);
        return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
    }

    /** A tensor with raw little-endian data, or external data when {@code location} is set. */
    record Tensor(String name, int dataType, long[] dims, byte[] raw, String location) {

        static Tensor floats(String name, long[] dims, float... values) {
            ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : values) {
                buffer.putFloat(value);
            }
            return new Tensor(name, FLOAT, dims, buffer.array(), null);
        }

        static Tensor int8s(String name, long[] dims, byte... values) {
            return new Tensor(name, INT8, dims, values, null);
        }

        static Tensor int64s(String name, long[] dims, long... values) {
            ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (long value : values) {
                buffer.putLong(value);
            }
            return new Tensor(name, INT64, dims, buffer.array(), null);
        }

        static Tensor external(String name, int dataType, long[] dims, String location) {
            return new Tensor(name, dataType, dims, null, location);
        }

        ProtobufWriter proto() {
            ProtobufWriter tensor = new ProtobufWriter();
            for (long dim : dims) {
                tensor.varint(1, dim);
            }
            tensor.varint(2, dataType);
            if (name != null && !name.isEmpty()) {
                tensor.string(8, name);
            }
            if (raw != null) {
                tensor.bytes(9, raw);
            }
            if (location != null) {
                tensor.message(13, new ProtobufWriter().string(1, "location").string(2, location));
                tensor.message(13, new ProtobufWriter().string(1, "offset").string(2, "0"));
                tensor.varint(14, 1);
            }
            return tensor;
        }
    }

    /** A node; attributes in the order given. */
    static final class Node {

        private final String opType;
        private String name = "";
        private String domain = "";
        private final List<String> inputs = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private final List<ProtobufWriter> attributes = new ArrayList<>();

        private Node(String opType) {
            this.opType = opType;
        }

        static Node of(String opType) {
            return new Node(opType);
        }

        Node name(String name) {
            this.name = name;
            return this;
        }

        Node domain(String domain) {
            this.domain = domain;
            return this;
        }

        Node inputs(String... names) {
            inputs.addAll(List.of(names));
            return this;
        }

        Node outputs(String... names) {
            outputs.addAll(List.of(names));
            return this;
        }

        Node attribute(String name, long value) {
            attributes.add(new ProtobufWriter().string(1, name).varint(3, value).varint(20, 2));
            return this;
        }

        Node floatAttribute(String name, float value) {
            attributes.add(new ProtobufWriter().string(1, name).fixed32(2, Float.floatToIntBits(value)).varint(20, 1));
            return this;
        }

        Node attribute(String name, long... values) {
            ProtobufWriter attribute = new ProtobufWriter().string(1, name);
            for (long value : values) {
                attribute.varint(8, value);
            }
            attributes.add(attribute.varint(20, 7));
            return this;
        }

        Node attribute(String name, String value) {
            attributes.add(new ProtobufWriter().string(1, name).string(4, value).varint(20, 3));
            return this;
        }

        Node attribute(String name, Tensor value) {
            attributes.add(new ProtobufWriter().string(1, name).message(5, value.proto()).varint(20, 4));
            return this;
        }

        Node attribute(String name, ProtobufWriter subgraph) {
            attributes.add(new ProtobufWriter().string(1, name).message(6, subgraph).varint(20, 5));
            return this;
        }

        ProtobufWriter proto() {
            ProtobufWriter node = new ProtobufWriter();
            inputs.forEach(input -> node.string(1, input));
            outputs.forEach(output -> node.string(2, output));
            if (!name.isEmpty()) {
                node.string(3, name);
            }
            node.string(4, opType);
            attributes.forEach(attribute -> node.message(5, attribute));
            if (!domain.isEmpty()) {
                node.string(7, domain);
            }
            return node;
        }
    }
}
