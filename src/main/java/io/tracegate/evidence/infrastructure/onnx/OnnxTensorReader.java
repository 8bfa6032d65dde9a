package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.ModelFacts.ExternalData;

import java.util.TreeSet;

import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.BFLOAT16;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.COMPLEX128;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.COMPLEX64;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.FLOAT16;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_DIMS;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_NAME_BYTES;

/**
 * Reads a {@code TensorProto} into an {@link OnnxTensor}: counts its elements and zeros while the data streams
 * past, and refuses a tensor whose data does not match its dims, since a parameter count from it would mean
 * nothing. External data is only recorded ({@code location} strings and a tensor count), never followed: the
 * paths come from an untrusted file.
 */
final class OnnxTensorReader {

    private static final int DATA_LOCATION_EXTERNAL = 1;

    private final ProtobufReader reader;
    private final OnnxNameBudget names;
    private long externalTensors;
    private final TreeSet<String> externalLocations = new TreeSet<>();

    OnnxTensorReader(ProtobufReader reader, OnnxNameBudget names) {
        this.reader = reader;
        this.names = names;
    }

    /** The external data seen in all tensors read so far. */
    ExternalData externalData() {
        return new ExternalData(externalTensors, externalLocations);
    }

    /** Reads the current field as a tensor; {@code what} names it in messages ("initializer", ...). */
    OnnxTensor read(String what) {
        long start = reader.fieldStart();
        reader.enterMessage(what);
        OnnxTensor tensor = new OnnxTensor();
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
                    OnnxZeroCounter zeros = OnnxZeroCounter.forType(tensor.dataType);
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
        } else if (typed[0] > 0 && OnnxDataTypes.isZeroScannable(tensor.dataType)) {
            tensor.zerosCounted = true;
            tensor.zeros = typed[1];
        }
        return tensor;
    }

    /** The tensor's data must hold exactly the elements its dims declare (else a parameter count means nothing). */
    private void check(OnnxTensor tensor, long typedValues, String what, long start) {
        if (tensor.external) {
            return;
        }
        String label = what + (tensor.name.isEmpty() ? "" : " '" + tensor.name + "'") + " at byte " + start;
        int bits = OnnxDataTypes.bits(tensor.dataType);
        if (tensor.rawBytes >= 0) {
            if (bits == 0) {
                return;
            }
            if (tensor.elements > Long.MAX_VALUE / 128) {
                throw reader.reject(label + " declares " + tensor.elements + " elements, more than any file holds");
            }
            long expected = (tensor.elements * bits + 7) / 8;
            if (tensor.rawBytes != expected) {
                throw reader.reject(label + " declares " + tensor.elements + " " + OnnxDataTypes.name(tensor.dataType)
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
            names.retain(value);
        }
    }
}
