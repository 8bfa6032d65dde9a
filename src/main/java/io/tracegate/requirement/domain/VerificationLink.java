package io.tracegate.requirement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A piece of verification (an evidence item, a review) of one requirement in one release, pinned to the
 * fingerprint of the requirement it verified. When the release moves to a baseline in which that
 * requirement changed or was removed, the link becomes suspect: it no longer proves what it proved.
 */
@Entity
@Table(name = "verification_link")
public class VerificationLink {

    @Id
    @SequenceGenerator(name = "verification_link_seq", sequenceName = "verification_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verification_link_seq")
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "req_id", nullable = false, length = 100)
    private String requirementId;

    @Column(name = "subject_kind", nullable = false, length = 30)
    private String subjectKind;

    @Column(name = "subject_ref", nullable = false, length = 200)
    private String subjectRef;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(nullable = false)
    private boolean suspect;

    @Column(name = "suspect_reason", length = 500)
    private String suspectReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected VerificationLink() {
    }

    /** Links verification to a requirement as it is in the release's current baseline. */
    public static VerificationLink of(long releaseId, Requirement requirement, String subjectKind, String subjectRef,
                                      Instant at) {
        VerificationLink link = new VerificationLink();
        link.releaseId = releaseId;
        link.requirementId = requirement.id().value();
        link.subjectKind = Objects.requireNonNull(subjectKind);
        link.subjectRef = Objects.requireNonNull(subjectRef);
        link.fingerprint = requirement.fingerprint();
        link.createdAt = at;
        return link;
    }

    /** Marks the link suspect if the requirement it verified is gone or different in {@code baseline}. */
    public void recheckAgainst(RequirementBaseline baseline) {
        var now = baseline.requirement(new RequirementId(requirementId));
        if (now.isEmpty()) {
            markSuspect("requirement " + requirementId + " is not in baseline " + baseline.name());
        } else if (!now.get().fingerprint().equals(fingerprint)) {
            markSuspect("requirement " + requirementId + " changed in baseline " + baseline.name()
                    + "; re-verify or re-review");
        }
    }

    /**
     * A reviewer looked at the verification again against the requirement as it is now: the link is no
     * longer suspect and pins the current fingerprint.
     */
    public void reconfirm(Requirement current) {
        if (!current.id().value().equals(requirementId)) {
            throw new IllegalArgumentException("link is for " + requirementId + ", not " + current.id());
        }
        this.fingerprint = current.fingerprint();
        this.suspect = false;
        this.suspectReason = null;
    }

    public long releaseId() {
        return releaseId;
    }

    private void markSuspect(String reason) {
        this.suspect = true;
        this.suspectReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public RequirementId requirementId() {
        return new RequirementId(requirementId);
    }

    public String subjectKind() {
        return subjectKind;
    }

    public String subjectRef() {
        return subjectRef;
    }

    public boolean isSuspect() {
        return suspect;
    }

    public String suspectReason() {
        return suspectReason;
    }
}
