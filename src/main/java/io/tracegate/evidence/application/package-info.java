/**
 * Use cases for evidence: streaming upload with provenance (parse, link, record), review by safety
 * engineers, and the trace matrix, gate, regression and cross-check of a release.
 */
package io.tracegate.evidence.application;
