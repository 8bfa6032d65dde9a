package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceRejected;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * A bounded, streaming reader of the protobuf wire format (no generated code, no protobuf library). It reads
 * through a {@link ProtobufInput}, so a file of any size costs the same memory; length-delimited payloads are
 * only copied when the caller asks for a string of at most a given size, everything else is skipped or handed
 * to a {@link ByteSink} chunk by chunk.
 *
 * <p>Every declared length is checked against the bytes left in the enclosing message (or in the file, when its
 * size is known) before anything is read or allocated; lengths over protobuf's own 2 GiB limit, varints longer
 * than 10 bytes, wire types 3, 4, 6 and 7 (groups and undefined), field number 0, messages nested deeper than
 * {@value #MAX_DEPTH} and input that ends early are refused with an {@link EvidenceRejected} naming the file and
 * the byte offset.
 *
 * <p>Use: {@code while (reader.nextField()) switch (reader.field()) ...}, with {@link #enterMessage()} and
 * {@link #exitMessage()} around a nested message, and {@link #skipField()} for fields the caller ignores.
 */
final class ProtobufReader {

    static final int MAX_DEPTH = 32;
    static final long MAX_LENGTH = Integer.MAX_VALUE;

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /** Receives the bytes of a length-delimited payload in chunks. */
    @FunctionalInterface
    interface ByteSink {
        void accept(byte[] bytes, int offset, int length);
    }

    private final ProtobufInput input;
    private final String fileName;
    /** limits[0] is the file's end (Long.MAX_VALUE when unknown); limits[d] the end of the message at depth d. */
    private final long[] limits = new long[MAX_DEPTH + 1];
    private int depth;
    private int field;
    private int wireType;
    private long fieldStart;

    /**
     * @param size the file's size when known, else a negative number; with it, a top-level field whose declared
     *             length runs past the end of the file is refused before it is read
     */
    ProtobufReader(InputStream in, String fileName, long size) {
        this.input = new ProtobufInput(in, fileName);
        this.fileName = fileName;
        this.limits[0] = size < 0 ? Long.MAX_VALUE : size;
    }

    /** Bytes consumed so far. */
    long position() {
        return input.position();
    }

    /** The current nesting depth: 0 for the top-level message. */
    int depth() {
        return depth;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    /** Where the current field's tag starts. */
    long fieldStart() {
        return fieldStart;
    }

    /** Whether the input is empty; only meaningful before the first field is read. */
    boolean isEmpty() {
        return input.position() == 0 && !input.hasMore();
    }

    /**
     * Reads the next field's tag in the current message.
     *
     * @return false at the end of the current message (or of the file, at the top level)
     */
    boolean nextField() {
        long limit = limits[depth];
        if (position() == limit) {
            return false;
        }
        if (depth == 0 && limit == Long.MAX_VALUE && !input.hasMore()) {
            return false;
        }
        fieldStart = position();
        long tag = readVarint();
        if (tag > 0xFFFF_FFFFL || tag < 0) {
            throw reject("invalid field tag " + Long.toUnsignedString(tag) + " at byte " + fieldStart);
        }
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw reject("field number 0 at byte " + fieldStart + " (not protobuf)");
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw reject("invalid wire type " + wireType + " for field " + field + " at byte " + fieldStart);
        }
        return true;
    }

    /** Refuses the current field unless it has the given wire type; {@code what} names it for the message. */
    void expect(int expectedWireType, String what) {
        if (wireType != expectedWireType) {
            throw reject("field " + field + " (" + what + ") at byte " + fieldStart + " has wire type " + wireType
                    + ", expected " + wireTypeName(expectedWireType) + "; not an ONNX model");
        }
    }

    private static String wireTypeName(int wireType) {
        return switch (wireType) {
            case VARINT -> "0 (varint)";
            case FIXED64 -> "1 (64-bit)";
            case LENGTH_DELIMITED -> "2 (length-delimited)";
            case FIXED32 -> "5 (32-bit)";
            default -> Integer.toString(wireType);
        };
    }

    /** A varint of at most 10 bytes, as the 64 bits it encodes. */
    long readVarint() {
        long start = position();
        long value = 0;
        for (int i = 0; i < 10; i++) {
            int b = readByte();
            if (i == 9 && (b & 0xFE) != 0) {
                throw reject("varint longer than 10 bytes (or over 64 bits) at byte " + start);
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw reject("varint longer than 10 bytes at byte " + start);
    }

    long readFixed64() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) readByte() << (8 * i);
        }
        return value;
    }

    int readFixed32() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= readByte() << (8 * i);
        }
        return value;
    }

    /** Reads a length prefix and checks it against protobuf's limit and the bytes left in the enclosing message. */
    long readLength() {
        long at = position();
        long length = readVarint();
        if (length < 0 || length > MAX_LENGTH) {
            throw reject("declared length " + Long.toUnsignedString(length) + " at byte " + at
                    + " exceeds protobuf's 2 GiB limit");
        }
        long limit = limits[depth];
        if (limit != Long.MAX_VALUE && length > limit - position()) {
            throw reject("declared length " + length + " at byte " + at + " exceeds the " + (limit - position())
                    + " bytes left" + (depth == 0 ? " in the file" : " in the enclosing message"));
        }
        return length;
    }

    /**
     * A length-delimited UTF-8 string of at most {@code maxBytes}; {@code what} names it when it is longer
     * ("node name longer than 4096 bytes at byte 1234").
     */
    String readString(int maxBytes, String what) {
        expect(LENGTH_DELIMITED, what);
        long at = position();
        long length = readLength();
        if (length > maxBytes) {
            throw reject(what + " longer than " + maxBytes + " bytes at byte " + at);
        }
        byte[] bytes = new byte[(int) length];
        input.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A length-delimited UTF-8 string cut to its first {@code maxBytes} bytes (the rest is skipped), with "…" when cut. */
    String readStringCut(int maxBytes, String what) {
        expect(LENGTH_DELIMITED, what);
        long length = readLength();
        byte[] bytes = new byte[(int) Math.min(length, maxBytes)];
        input.readFully(bytes);
        input.skip(length - bytes.length);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return length > maxBytes ? text + "…" : text;
    }

    /** Enters the current length-delimited field as a nested message; pair with {@link #exitMessage()}. */
    void enterMessage(String what) {
        expect(LENGTH_DELIMITED, what);
        long at = fieldStart;
        long length = readLength();
        if (depth + 1 > MAX_DEPTH) {
            throw reject("nesting deeper than " + MAX_DEPTH + " messages at byte " + at);
        }
        depth++;
        limits[depth] = position() + length;
    }

    /** Leaves the current nested message, skipping whatever of it is left unread. */
    void exitMessage() {
        if (depth == 0) {
            throw new IllegalStateException("not inside a nested message");
        }
        input.skip(limits[depth] - position());
        depth--;
    }

    /** Skips the current field's value, whatever its wire type. */
    void skipField() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> input.skip(8);
            case FIXED32 -> input.skip(4);
            case LENGTH_DELIMITED -> input.skip(readLength());
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }

    /**
     * Passes the current length-delimited field's payload to {@code sink} in chunks, without holding it.
     *
     * @return the payload's length in bytes
     */
    long streamBytes(ByteSink sink) {
        expect(LENGTH_DELIMITED, "bytes");
        long length = readLength();
        input.stream(length, sink);
        return length;
    }

    /**
     * Reads a repeated varint field, packed (one length-delimited run) or not (one value per tag), passing each
     * value to {@code values}.
     *
     * @return how many values it read
     */
    long readVarints(LongConsumer values) {
        if (wireType == VARINT) {
            values.accept(readVarint());
            return 1;
        }
        expect(LENGTH_DELIMITED, "packed varints");
        long length = readLength();
        long end = position() + length;
        long count = 0;
        while (position() < end) {
            values.accept(readVarint());
            count++;
        }
        if (position() != end) {
            throw reject("packed varints overrun their declared length at byte " + position());
        }
        return count;
    }

    /** Reads a repeated fixed 32-bit field, packed or not. */
    long readFixed32s(java.util.function.IntConsumer values) {
        if (wireType == FIXED32) {
            values.accept(readFixed32());
            return 1;
        }
        expect(LENGTH_DELIMITED, "packed 32-bit values");
        long length = readLength();
        if (length % 4 != 0) {
            throw reject("packed 32-bit values with a length of " + length + " bytes (not a multiple of 4) at byte " + position());
        }
        for (long i = 0; i < length / 4; i++) {
            values.accept(readFixed32());
        }
        return length / 4;
    }

    /** Reads a repeated fixed 64-bit field, packed or not. */
    long readFixed64s(LongConsumer values) {
        if (wireType == FIXED64) {
            values.accept(readFixed64());
            return 1;
        }
        expect(LENGTH_DELIMITED, "packed 64-bit values");
        long length = readLength();
        if (length % 8 != 0) {
            throw reject("packed 64-bit values with a length of " + length + " bytes (not a multiple of 8) at byte " + position());
        }
        for (long i = 0; i < length / 8; i++) {
            values.accept(readFixed64());
        }
        return length / 8;
    }

    EvidenceRejected reject(String problem) {
        return new EvidenceRejected(fileName, problem);
    }

    private int readByte() {
        checkWithinMessage(1);
        return input.readByte();
    }

    private void checkWithinMessage(long bytes) {
        if (position() + bytes > limits[depth]) {
            throw depth == 0
                    ? reject("truncated at byte " + position())
                    : reject("a field at byte " + fieldStart + " runs past the end of its enclosing message at byte "
                    + limits[depth]);
        }
    }
}
