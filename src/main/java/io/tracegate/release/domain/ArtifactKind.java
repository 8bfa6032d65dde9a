package io.tracegate.release.domain;

/** What an artifact is. TensorRT engines are executable: they are stored and hashed, never loaded by the server. */
public enum ArtifactKind {
    ONNX_MODEL, TENSORRT_ENGINE, CALIBRATION_CACHE, OTHER
}
