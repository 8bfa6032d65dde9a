/**
 * The TensorRT {@code trtexec} exports: per-inference timings
 * ({@link io.tracegate.evidence.infrastructure.trtexec.TrtexecTimesFormat}, summarized by trtexec's own
 * method in {@code TimingSummary}, and the samples the latency distributions use), per-layer profiles
 * ({@link io.tracegate.evidence.infrastructure.trtexec.TrtexecProfileFormat}) and the built engine's
 * layers with their precisions
 * ({@link io.tracegate.evidence.infrastructure.trtexec.TrtexecLayerInfoFormat}). Layer names become
 * scope values through {@code LayerSlugs}, with bounded {@code SlugNotes} naming any layer whose slug
 * was cut or numbered.
 */
package io.tracegate.evidence.infrastructure.trtexec;
