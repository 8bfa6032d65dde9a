/**
 * Evidence: immutable files uploaded to a release (JUnit XML, KPI tables, trtexec exports, ONNX models,
 * logs, recordings) with their provenance, parsed into metrics and test results, reviewed by safety engineers, and evaluated into the trace
 * matrix and the release gate, which link them to the requirements of the release's baseline.
 */
package io.tracegate.evidence;
