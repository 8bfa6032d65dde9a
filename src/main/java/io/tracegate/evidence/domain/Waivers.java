package io.tracegate.evidence.domain;

import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;

import java.time.Instant;
import java.util.Set;

/** The requirements of a release under a valid waiver (granted by the approval work) at a given time. */
public interface Waivers {

    Set<RequirementId> validFor(Release release, Instant now);
}
