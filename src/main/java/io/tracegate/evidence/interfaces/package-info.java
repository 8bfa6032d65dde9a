/**
 * REST resources for evidence: {@code /api/releases/{id}/evidence} (streaming upload with provenance,
 * listing, content, metrics, tests, reviews) and {@code /api/releases/{id}/trace} (matrix and gate).
 */
package io.tracegate.evidence.interfaces;
