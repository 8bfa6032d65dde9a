package io.tracegate.approval.application;

import io.tracegate.approval.domain.ApprovalPackageState;
import io.tracegate.approval.domain.ReleaseManifest;
import io.tracegate.evidence.application.ReleaseTrace;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.Gate;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * The release's life outside signatures: submitting it for review (which freezes the content and fixes
 * the manifest digest), reopening it, handing an approved release over, revoking it. APPROVED and REJECTED
 * are reached only through signatures ({@link Signing}).
 */
@Stateless
public class ReleaseReview {

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    RequirementBaselines baselines;

    @Inject
    EvidenceItems evidence;

    @Inject
    AuditTrail trail;

    @Inject
    ApprovalPackageState approvalPackage;

    @EJB
    ReleaseTrace trace;

    @EJB
    Signing signing;

    @Resource
    SessionContext caller;

    /** The manifest of the content as it is now (for a DRAFT: what submitting would freeze). */
    @RolesAllowed(ANY_ROLE)
    public ReleaseManifest manifest(long releaseId) {
        Release release = find(releaseId);
        return manifestOf(release, roundShown(release));
    }

    /** The same, from the content the caller read in its transaction already (the audit package). */
    @RolesAllowed(ANY_ROLE)
    public ReleaseManifest manifest(Release release, List<Artifact> artifacts, RequirementBaseline baseline,
                                    List<Evidence> items) {
        return ReleaseManifest.of(release, roundShown(release), artifacts, baseline, items);
    }

    /** A DRAFT shows the round that submitting it would start. */
    private static int roundShown(Release release) {
        return release.status() == ReleaseStatus.DRAFT ? release.reviewRound() + 1 : release.reviewRound();
    }

    ReleaseManifest manifestOf(Release release, int round) {
        RequirementBaseline baseline = release.baselineId().flatMap(baselines::withId)
                .orElseThrow(() -> new Conflict("baseline", "release " + release.label() + " has no requirement baseline"));
        return ReleaseManifest.of(release, round, artifacts.of(release), baseline,
                evidence.all(release.id()));
    }

    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Release submit(long releaseId) {
        Release release = releases.withIdLocked(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        ReleaseStatus before = release.status();
        if (release.baselineId().isEmpty()) {
            throw new Conflict("baseline", "release " + release.label() + " has no requirement baseline; link one before review");
        }
        ReleaseManifest manifest = manifestOf(release, release.reviewRound() + 1);
        release.submitForReview(manifest.digest(), who(), Instant.now());
        releases.saveChanges(release);
        trail.record(new AuditEntry(who(), "release.transition", "release", release.id().toString(), before.name(),
                release.status() + " round " + release.reviewRound() + " manifest " + manifest.digest(), null));
        return release;
    }

    @RolesAllowed({ML_ENGINEER, SAFETY_MANAGER, ADMIN})
    public Release reopen(long releaseId, String reason) {
        return transition(releaseId, reason, (r, by, at) -> r.reopen(by, at, reason));
    }

    @RolesAllowed({SAFETY_MANAGER, ADMIN})
    public Release handOver(long releaseId, String reason) {
        return transition(releaseId, reason, (r, by, at) -> {
            requireApprovalPackage(r);
            requireApprovalStillHolds(r);
            r.release(by, at, reason);
        });
    }

    @RolesAllowed({SAFETY_MANAGER, ADMIN})
    public Release revoke(long releaseId, String reason) {
        return transition(releaseId, reason, (r, by, at) -> r.revoke(by, at, reason));
    }

    private interface Step {
        void apply(Release release, String by, Instant at);
    }

    private Release transition(long releaseId, String reason, Step step) {
        Release release = releases.withIdLocked(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        ReleaseStatus before = release.status();
        step.apply(release, who(), Instant.now());
        releases.saveChanges(release);
        trail.record(new AuditEntry(who(), "release.transition", "release", release.id().toString(), before.name(),
                release.status().name(), reason));
        return release;
    }

    /**
     * What goes out must have its approval on record: an approved release is handed over only once the
     * audit package frozen at its approval exists, so the package cannot be lost to a failed or unfinished job.
     */
    private void requireApprovalPackage(Release release) {
        if (release.status() != ReleaseStatus.APPROVED) {
            return;
        }
        approvalPackage.missing(release.id(), release.reviewRound()).ifPresent(why -> {
            throw new Conflict("approvalPackage", "the audit package frozen at the approval of " + release.label()
                    + " (round " + release.reviewRound() + ") " + why);
        });
    }

    /**
     * What goes out is what was approved, as it stands now: the gate must still be green (a waiver may have
     * expired since) and the approval rule still met by the round's signatures (a signer's role may have been
     * withdrawn since). Reviews cannot change after submitting ({@code Release.ensureAcceptsReviews}).
     */
    private void requireApprovalStillHolds(Release release) {
        if (release.status() != ReleaseStatus.APPROVED) {
            return;
        }
        TraceMatrix matrix = trace.matrixOf(release);
        Gate gate = matrix.gate();
        if (!gate.green()) {
            List<String> blocking = gate.blockingNames();
            throw new Conflict("gate", "the gate of " + release.label() + " is red now (blocked by "
                    + blocking.stream().limit(5).toList() + (blocking.size() > 5 ? " and more" : "")
                    + "), though it was green at approval (a waiver may have expired since); it is not handed over");
        }
        List<String> missing = signing.status(release, matrix, evidence.all(release.id())).missing();
        if (!missing.isEmpty()) {
            throw new Conflict("approval", "the approval rule for " + release.label() + " is not met now: missing "
                    + missing + "; it is not handed over");
        }
    }

    private Release find(long releaseId) {
        return releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
    }

    private String who() {
        return caller.getCallerPrincipal().getName();
    }
}
