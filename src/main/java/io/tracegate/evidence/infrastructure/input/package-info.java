/**
 * Reading an uploaded evidence file safely, the same way for every format that needs it: the
 * {@link io.tracegate.evidence.infrastructure.input.FileHead file head} a format sniffs before it
 * reads (BOM skipped, never more than 4 KiB), JSON as a stream of parser events behind byte-level limits
 * on depth and token length ({@code JsonInput}, {@code JsonGuardStream}), the
 * {@link io.tracegate.evidence.infrastructure.input.JsonEvidenceKind kinds of JSON} told apart in one
 * place so that no two formats claim the same file, and the rules for a metric's value and unit
 * ({@code KpiValue}) that KPI files and trtexec exports share.
 * <p>
 * The format packages ({@code junit}, {@code kpi}, {@code trtexec}, {@code onnx}) use this package and
 * the domain, never each other; {@code ArchitectureTest} checks it.
 */
package io.tracegate.evidence.infrastructure.input;
