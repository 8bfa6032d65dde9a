/**
 * The ONNX format: {@link io.tracegate.evidence.infrastructure.onnx.OnnxFormat} reads a model's graph,
 * signature, parameters and quantization as metrics, and
 * {@link io.tracegate.evidence.infrastructure.onnx.StoredOnnxModels} gives the same
 * {@link io.tracegate.evidence.domain.ModelFacts} to the recipe cross-check. Models are read with a
 * small protobuf reader of their own ({@code Protobuf*}), bounded in size, depth, names and counts
 * ({@code OnnxLimits}), and never open external data paths.
 */
package io.tracegate.evidence.infrastructure.onnx;
