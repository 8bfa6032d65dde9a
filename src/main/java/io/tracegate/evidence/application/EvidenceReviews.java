package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.EvidenceReview;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.failure.StaleVersion;
import io.tracegate.release.domain.Releases;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Safety engineers accept or reject evidence of a DRAFT release (from IN_REVIEW on, the reviews are part of
 * what is signed). A decision is made against the release's baseline as it is:
 * when the release later moves to a baseline in which a requirement changed, the acceptance is suspect for that
 * requirement, and accepting the item again is the re-review.
 */
@Stateless
public class EvidenceReviews {

    @Inject
    EvidenceItems items;

    @Inject
    Releases releases;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    /**
     * @param expectedVersion the item version the reviewer saw (If-Match), or empty to skip the check
     */
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER})
    public EvidenceReview review(long releaseId, long evidenceId, ReviewState decision, String comment,
                                 OptionalLong expectedVersion) {
        // Locked like a submission locks it: a review racing the submit either lands before the freeze or is refused.
        releases.withIdLocked(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        Evidence evidence = items.withId(evidenceId).filter(e -> e.release().id() == releaseId)
                .orElseThrow(() -> new NoSuchEntity("evidence", releaseId + "/" + evidenceId));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != evidence.version()) {
            throw new StaleVersion("evidence " + evidenceId + " was reviewed meanwhile (version "
                    + evidence.version() + ", you saw " + expectedVersion.getAsLong() + "); reload and review again");
        }
        ReviewState before = evidence.reviewState();
        EvidenceReview review = evidence.review(decision, comment, caller.getCallerPrincipal().getName(), Instant.now());
        items.addReview(review);
        trail.record(new AuditEntry(review.reviewer(), "evidence.review", "evidence", evidence.id().toString(),
                before.name(), decision.name(), review.comment()));
        return review;
    }

    @RolesAllowed(ANY_ROLE)
    public List<EvidenceReview> reviewsOf(long releaseId, long evidenceId) {
        items.withId(evidenceId).filter(e -> e.release().id() == releaseId)
                .orElseThrow(() -> new NoSuchEntity("evidence", releaseId + "/" + evidenceId));
        return items.reviewsOf(evidenceId);
    }
}
