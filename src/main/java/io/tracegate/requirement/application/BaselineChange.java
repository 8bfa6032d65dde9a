package io.tracegate.requirement.application;

import io.tracegate.release.domain.Release;

/** A release after it moved to a baseline: how many of its verification links became suspect. */
public record BaselineChange(Release release, Long previousBaselineId, int suspectLinks) {
}
