package io.tracegate.approval.domain;

import io.tracegate.evidence.domain.Verdict;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed, justified, expiring exception for one requirement that is not PASSED in the release under
 * review. While valid (same review round, not expired) it turns the requirement's verdict into WAIVED.
 */
@Entity
@Table(name = "waiver")
public class Waiver {

    /** A waiver is a temporary measure; a longer one is a requirement change in disguise. */
    public static final Duration LONGEST = Duration.ofDays(366);

    @Id
    @SequenceGenerator(name = "waiver_seq", sequenceName = "waiver_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "waiver_seq")
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(name = "manifest_digest", nullable = false, length = 64)
    private String manifestDigest;

    @Column(name = "req_id", nullable = false, length = 100)
    private String requirementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_waived", nullable = false, length = 12)
    private Verdict verdictWaived;

    @Column(nullable = false, length = 4000)
    private String justification;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false, length = 64)
    private String signer;

    @Column(name = "printed_name", nullable = false, length = 200)
    private String printedName;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    protected Waiver() {
    }

    public static Waiver grant(Release release, RequirementId requirement, Verdict current, String justification,
                               Instant expiresAt, String signer, String printedName, Instant at) {
        if (current.isGreen()) {
            throw new Conflict("requirement", requirement + " is " + current + "; only a requirement that is not "
                    + "PASSED can be waived");
        }
        if (justification == null || justification.strip().length() < 20 || justification.length() > 4000) {
            throw new InvalidInput("justification", "is required: 20 to 4000 characters saying why the risk is acceptable");
        }
        if (expiresAt == null || !expiresAt.isAfter(at) || expiresAt.isAfter(at.plus(LONGEST))) {
            throw new InvalidInput("expiresAt", "must be in the future and at most " + LONGEST.toDays() + " days away");
        }
        Waiver w = new Waiver();
        w.releaseId = release.id();
        w.round = release.reviewRound();
        w.manifestDigest = release.manifestDigest().orElseThrow();
        w.requirementId = requirement.value();
        w.verdictWaived = current;
        w.justification = justification.strip();
        w.expiresAt = expiresAt;
        w.signer = signer;
        w.printedName = printedName;
        w.signedAt = at;
        return w;
    }

    /** Valid for the release's current round and not expired at {@code now}. */
    public boolean isValidFor(Release release, Instant now) {
        return release.reviewRound() == round && release.manifestDigest().map(manifestDigest::equals).orElse(false)
                && now.isBefore(expiresAt);
    }

    public Long id() {
        return id;
    }

    public RequirementId requirementId() {
        return new RequirementId(requirementId);
    }

    public Verdict verdictWaived() {
        return verdictWaived;
    }

    public String justification() {
        return justification;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String signer() {
        return signer;
    }

    public String printedName() {
        return printedName;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public int round() {
        return round;
    }

    public String manifestDigest() {
        return manifestDigest;
    }
}
