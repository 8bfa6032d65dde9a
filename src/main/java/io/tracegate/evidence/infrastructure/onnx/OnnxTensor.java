package io.tracegate.evidence.infrastructure.onnx;

/**
 * What is kept of one initializer or Constant value once its data has streamed past: its shape and counts, never
 * the data itself, so the memory a model costs does not grow with its weights.
 */
final class OnnxTensor {
    String name = "";
    int dataType;
    int rank;
    long elements = 1;
    long rawBytes = -1;
    long rawZeros = -1;
    boolean external;
    boolean constantNode;
    boolean zerosCounted;
    long zeros;
}
