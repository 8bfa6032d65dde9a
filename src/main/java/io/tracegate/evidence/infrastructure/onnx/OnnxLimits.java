package io.tracegate.evidence.infrastructure.onnx;

/**
 * The bounds that an ONNX file from an untrusted source must stay within. They live together so that the policy
 * against hostile input (how much a single upload may make the server hold or count) is read and tuned in one
 * place, apart from the parsing that enforces it. Each is far beyond what real models need.
 */
final class OnnxLimits {

    static final long MAX_NODES = 5_000_000;
    static final int MAX_NAME_BYTES = 4096;
    static final int MAX_TENSORS = 1_000_000;
    static final int MAX_VALUE_INFOS = 100_000;
    static final int MAX_DIMS = 64;
    static final int MAX_METADATA = 256;
    static final int MAX_DOMAINS = 1_000;
    static final int MAX_OP_TYPES = 10_000;
    static final long MAX_RETAINED_CHARS = 32L * 1024 * 1024;

    private OnnxLimits() {
    }
}
