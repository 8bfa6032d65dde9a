package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.AuditValues;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Links a DRAFT release to the baseline it is verified against. Nothing else changes: which evidence counts
 * for which requirement is decided when the trace matrix is computed, so evidence uploaded before the link
 * counts as if uploaded after it. Moving to another baseline reports how many requirements changed or vanished:
 * evidence accepted for them under the previous baseline is suspect in the matrix until reviewed again.
 */
@Stateless
public class ReleaseBaselineLink {

    @Inject
    Releases releases;

    @Inject
    RequirementBaselines baselines;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @RolesAllowed({ML_ENGINEER, SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    public BaselineChange use(long releaseId, long baselineId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        RequirementBaseline baseline = baselines.summary(baselineId)
                .orElseThrow(() -> new InvalidInput("baselineId", "no baseline with id " + baselineId));
        Optional<Long> previous = release.useBaseline(baselineId);
        int invalidated = 0;
        if (previous.isPresent() && previous.get() != baselineId) {
            // Changed or gone: compared by fingerprint, without reading either baseline's requirements as entities.
            Map<RequirementId, String> before = baselines.fingerprints(previous.get());
            Map<RequirementId, String> after = baselines.fingerprints(baselineId);
            invalidated = (int) before.entrySet().stream()
                    .filter(e -> !e.getValue().equals(after.get(e.getKey()))).count();
        }
        releases.saveChanges(release);
        trail.record(new AuditEntry(caller.getCallerPrincipal().getName(), "release.baseline", "release",
                release.id().toString(), previous.map(id -> AuditValues.json("baselineId", id)).orElse(null),
                AuditValues.json("baselineId", baselineId, "baseline", baseline.name(), "invalidatedRequirements", invalidated), null));
        return new BaselineChange(release, previous.orElse(null), invalidated);
    }
}
