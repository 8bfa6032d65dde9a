package io.tracegate.evidence.domain;

import io.tracegate.platform.blob.Sha256;

/**
 * Reads the facts of a stored model file without running it. Only graph formats (ONNX) are inspected: TensorRT
 * engines are executable and are never deserialized by the server (threat T11). Files are named by content, so
 * the same SHA-256 always has the same facts.
 */
public interface ModelInspector {

    /**
     * @param fileName for messages only
     * @throws EvidenceRejected naming the file and the problem when it is not a readable model
     */
    ModelFacts facts(String fileName, Sha256 content, long size);
}
