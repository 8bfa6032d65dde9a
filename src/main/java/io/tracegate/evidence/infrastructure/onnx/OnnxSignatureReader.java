package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.ModelFacts.TensorSignature;

import java.util.ArrayList;
import java.util.List;

import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_DIMS;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_NAME_BYTES;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_VALUE_INFOS;

/**
 * Reads a graph input or output ({@code ValueInfoProto} with its {@code TypeProto} and shape) into a
 * {@link TensorSignature}. Kept apart from the graph walk because the type system of onnx.proto (sequences, maps,
 * optionals, symbolic dims) changes on its own schedule.
 */
final class OnnxSignatureReader {

    private final ProtobufReader reader;
    private final OnnxNameBudget names;

    OnnxSignatureReader(ProtobufReader reader, OnnxNameBudget names) {
        this.reader = reader;
        this.names = names;
    }

    /** Reads the current field into {@code into}, or skips it when {@code into} is null (a subgraph's). */
    void read(List<TensorSignature> into, String what) {
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
        names.retain(name);
        type.dims.forEach(names::retain);
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
                    type.elementType = OnnxDataTypes.name(reader.readVarint());
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

    private static final class TypeInfo {
        String elementType = "UNDEFINED";
        boolean ranked;
        final List<String> dims = new ArrayList<>();
    }
}
