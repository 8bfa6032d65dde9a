package io.tracegate.evidence.infrastructure.onnx;

import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.BFLOAT16;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.DOUBLE;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.FLOAT;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.FLOAT16;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.INT8;

/**
 * Counts zero elements in little-endian raw tensor bytes as they stream past; floats count -0.0 as zero. It works
 * chunk by chunk because {@code raw_data} can be gigabytes and is never held; an element may straddle two chunks.
 */
final class OnnxZeroCounter implements ProtobufReader.ByteSink {

    private final int width;
    private final boolean floating;
    private int index;
    private int accumulated;
    long zeros;

    private OnnxZeroCounter(int width, boolean floating) {
        this.width = width;
        this.floating = floating;
    }

    /** A counter for the data type, or null when zeros are not counted for it (or the type is not known yet). */
    static OnnxZeroCounter forType(int dataType) {
        return switch (dataType) {
            case FLOAT -> new OnnxZeroCounter(4, true);
            case DOUBLE -> new OnnxZeroCounter(8, true);
            case FLOAT16, BFLOAT16 -> new OnnxZeroCounter(2, true);
            case INT8 -> new OnnxZeroCounter(1, false);
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
