package io.tracegate.evidence.infrastructure.onnx;

/**
 * The {@code TensorProto.DataType} codes of onnx.proto and what the reader needs to know about them. They are
 * kept apart so that a data type added by a new ONNX release is a change in this one table.
 */
final class OnnxDataTypes {

    static final int FLOAT = 1;
    static final int UINT8 = 2;
    static final int INT8 = 3;
    static final int FLOAT16 = 10;
    static final int DOUBLE = 11;
    static final int COMPLEX64 = 14;
    static final int COMPLEX128 = 15;
    static final int BFLOAT16 = 16;

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

    private OnnxDataTypes() {
    }

    /** The onnx.proto name, or {@code TYPE_<code>} for a code this table does not know (yet). */
    static String name(long code) {
        return code >= 0 && code < ELEMENT_TYPES.length ? ELEMENT_TYPES[(int) code] : "TYPE_" + code;
    }

    /** Bits per element; 0 where the size is not fixed or the code is unknown. */
    static int bits(int code) {
        return code >= 0 && code < ELEMENT_BITS.length ? ELEMENT_BITS[code] : 0;
    }

    /** Float and 8-bit types hold weights; integer index and shape tensors do not. */
    static boolean isWeightType(int dataType) {
        return switch (dataType) {
            case 1, 2, 3, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }

    /** The types whose typed value fields are scanned for zeros (the sparsity the weights show). */
    static boolean isZeroScannable(int dataType) {
        return dataType == FLOAT || dataType == INT8 || dataType == FLOAT16 || dataType == DOUBLE
                || dataType == BFLOAT16;
    }
}
