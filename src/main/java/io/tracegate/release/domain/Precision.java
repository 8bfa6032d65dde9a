package io.tracegate.release.domain;

/** The numeric precision the engine is built for; MIXED means INT8 with FP16/FP32 fallback layers. */
public enum Precision {
    FP32, FP16, INT8, MIXED;

    /** Whether weights or activations are integer-quantized, so a quantization method must be named. */
    public boolean isQuantized() {
        return this == INT8 || this == MIXED;
    }
}
