package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;

/** The evidence item an upload produced, and whether it is new (201) or a retry of an earlier upload (200). */
public record UploadedEvidence(Evidence evidence, boolean created) {
}
