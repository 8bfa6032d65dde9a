package io.tracegate.evidence.domain;

import java.io.InputStream;

/**
 * Reads the facts of a model file without running it. Only graph formats (ONNX) are inspected: TensorRT
 * engines are executable and are never deserialized by the server (threat T11).
 */
public interface ModelInspector {

    /** @throws EvidenceRejected naming the file and the problem when it is not a readable model */
    ModelFacts facts(String fileName, InputStream content, long size);
}
