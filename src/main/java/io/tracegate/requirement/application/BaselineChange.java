package io.tracegate.requirement.application;

import io.tracegate.release.domain.Release;

/**
 * A release after it moved to a baseline.
 *
 * @param invalidatedRequirements how many requirements of the previous baseline changed or are gone in the new
 *                                one: evidence accepted for them is suspect until reviewed again
 */
public record BaselineChange(Release release, Long previousBaselineId, int invalidatedRequirements) {
}
