package io.tracegate.approval.domain;

import io.tracegate.evidence.domain.Verdict;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    private SignedContent signed;

    @Column(name = "req_id", nullable = false, length = 100)
    private String requirementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_waived", nullable = false, length = 12)
    private Verdict verdictWaived;

    @Column(nullable = false, length = 4000)
    private String justification;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

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
        w.requirementId = requirement.value();
        w.verdictWaived = current;
        w.justification = justification.strip();
        w.expiresAt = expiresAt;
        w.signed = SignedContent.of(release, signer, printedName, at);
        return w;
    }

    /** Valid for the release's current round and not expired at {@code now}. */
    public boolean isValidFor(Release release, Instant now) {
        return signed.isCurrentFor(release) && now.isBefore(expiresAt);
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
        return signed.signer();
    }

    public String printedName() {
        return signed.printedName();
    }

    public Instant signedAt() {
        return signed.signedAt();
    }

    public int round() {
        return signed.round();
    }

    public String manifestDigest() {
        return signed.manifestDigest();
    }
}
