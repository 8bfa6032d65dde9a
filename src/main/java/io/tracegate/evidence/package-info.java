/**
 * Evidence: immutable files uploaded to a release (JUnit XML, KPI tables, trtexec exports, ONNX models,
 * logs, recordings) with their provenance, parsed into metrics and test results, linked to requirements,
 * reviewed by safety engineers, and evaluated into the trace matrix and the release gate.
 */
package io.tracegate.evidence;
