/**
 * Adapters for evidence: the format parsers (JUnit XML dialects, KPI CSV/JSON, trtexec exports, ONNX),
 * all bounded in size and depth, and JPA persistence of evidence, reviews and links.
 */
package io.tracegate.evidence.infrastructure;
