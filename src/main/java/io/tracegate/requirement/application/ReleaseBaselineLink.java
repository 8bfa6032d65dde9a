package io.tracegate.requirement.application;

import io.tracegate.audit.domain.AuditEntry;
import io.tracegate.audit.domain.AuditTrail;
import io.tracegate.audit.domain.AuditValues;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.VerificationLink;
import io.tracegate.requirement.domain.VerificationLinks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Links a DRAFT release to the baseline it is verified against. Moving to another baseline re-checks
 * every verification link of the release: links to requirements that changed or vanished become suspect.
 */
@Stateless
public class ReleaseBaselineLink {

    @Inject
    Releases releases;

    @Inject
    RequirementBaselines baselines;

    @Inject
    VerificationLinks links;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @RolesAllowed({ML_ENGINEER, SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    public BaselineChange use(long releaseId, long baselineId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        RequirementBaseline baseline = baselines.withId(baselineId)
                .orElseThrow(() -> new InvalidInput("baselineId", "no baseline with id " + baselineId));
        Optional<Long> previous = release.useBaseline(baselineId);
        int suspect = 0;
        if (previous.isPresent() && previous.get() != baselineId) {
            List<VerificationLink> releaseLinks = links.ofRelease(releaseId);
            for (VerificationLink link : releaseLinks) {
                boolean before = link.isSuspect();
                link.recheckAgainst(baseline);
                if (!before && link.isSuspect()) {
                    suspect++;
                }
            }
        }
        releases.saveChanges(release);
        trail.record(new AuditEntry(caller.getCallerPrincipal().getName(), "release.baseline", "release",
                release.id().toString(), previous.map(id -> AuditValues.json("baselineId", id)).orElse(null),
                AuditValues.json("baselineId", baselineId, "baseline", baseline.name(), "suspectLinks", suspect), null));
        return new BaselineChange(release, previous.orElse(null), suspect);
    }
}
