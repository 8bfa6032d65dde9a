package io.tracegate.evidence.domain;

import java.util.Objects;

/**
 * One result of comparing evidence with what a release claims, e.g. an INT8 recipe against the ONNX model's
 * graph.
 *
 * @param code    stable and machine-readable, e.g. {@code qat-without-qdq}
 * @param message a sentence a safety engineer understands without knowing the code
 */
public record Finding(Severity severity, String code, String message) {

    /** ERROR: the evidence contradicts the claim. WARNING: it may, or cannot support it. INFO: it agrees, or a remark. */
    public enum Severity {
        ERROR, WARNING, INFO
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + code + ": " + message;
    }
}
