package io.tracegate.release.application;

import io.tracegate.release.domain.Artifact;

/** The artifact an upload produced, and whether it is new or the same content uploaded again. */
public record UploadOutcome(Artifact artifact, boolean created) {
}
