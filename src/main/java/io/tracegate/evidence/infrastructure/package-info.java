/**
 * Adapters for evidence, one package per kind of work. Each evidence format is a plug-in in a package of
 * its own, a CDI bean implementing {@link io.tracegate.evidence.domain.EvidenceFormat} that
 * {@code EvidenceFormatChooser} finds and asks whether a file is its own: {@code junit} (JUnit XML
 * dialects), {@code kpi} (KPI CSV and JSON), {@code trtexec} (TensorRT timing, profile and layer
 * exports) and {@code onnx} (ONNX models, also read for the recipe cross-check). The formats use the
 * evidence domain and {@code input} (bounded reading shared by them), never each other, so a format is
 * added or removed as one package. {@code jpa} persists evidence, reviews and links.
 */
package io.tracegate.evidence.infrastructure;
