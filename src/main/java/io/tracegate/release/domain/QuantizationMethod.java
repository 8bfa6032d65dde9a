package io.tracegate.release.domain;

/** How integer precision was reached: post-training with a calibration set, or quantization-aware training. */
public enum QuantizationMethod {
    NONE, PTQ, QAT
}
