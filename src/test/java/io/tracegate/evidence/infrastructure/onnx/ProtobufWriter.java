package io.tracegate.evidence.infrastructure.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protobuf wire-format writer for building test and demo files, including broken ones. */
final class ProtobufWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtobufWriter tag(int field, int wireType) {
        return rawVarint(((long) field << 3) | wireType);
    }

    ProtobufWriter rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    ProtobufWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    ProtobufWriter varint(int field, long value) {
        return tag(field, 0).rawVarint(value);
    }

    ProtobufWriter fixed32(int field, int value) {
        tag(field, 5);
        for (int i = 0; i < 4; i++) {
            out.write((value >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    ProtobufWriter bytes(int field, byte[] value) {
        return tag(field, 2).rawVarint(value.length).raw(value);
    }

    ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtobufWriter message(int field, ProtobufWriter message) {
        return bytes(field, message.toByteArray());
    }

    ProtobufWriter packedVarints(int field, long... values) {
        ProtobufWriter packed = new ProtobufWriter();
        for (long value : values) {
            packed.rawVarint(value);
        }
        return bytes(field, packed.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
