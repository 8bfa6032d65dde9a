package io.tracegate.evidence.domain;

import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;

import java.time.Instant;
import java.util.Set;

/** What of a release is under a valid waiver (granted by the approval work) at a given time. */
public interface Waivers {

    /** The requirements under a valid requirement waiver. */
    Set<RequirementId> validFor(Release release, Instant now);

    /** The cross-check finding codes under a valid finding waiver (their ERROR keeps no gate red). */
    Set<String> findingCodesValidFor(Release release, Instant now);
}
