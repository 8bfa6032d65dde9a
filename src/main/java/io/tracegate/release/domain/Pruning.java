package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

/** Structured or unstructured pruning, e.g. "2:4 structured" at sparsity 0.5. */
public record Pruning(String method, double sparsity) {

    public Pruning {
        if (method == null || method.isBlank() || method.length() > 100) {
            throw new InvalidInput("pruning.method", "is required (at most 100 characters)");
        }
        if (!(sparsity > 0.0 && sparsity < 1.0)) {
            throw new InvalidInput("pruning.sparsity", "must be a fraction between 0 and 1 (exclusive), got " + sparsity);
        }
    }
}
