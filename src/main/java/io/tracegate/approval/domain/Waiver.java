package io.tracegate.approval.domain;

import io.tracegate.evidence.domain.Finding;
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
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A signed, justified, expiring exception in the release under review, for exactly one of: a requirement
 * that is not PASSED, or a cross-check finding code the release's cross-check reports as ERROR. While valid
 * (same review round, not expired) the requirement's verdict becomes WAIVED, or the finding stops keeping
 * the gate red. A finding is waived by its stable code, not its message: the message carries numbers that
 * may be worded differently, the code names the contradiction the safety manager accepted.
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

    /** Cross-check codes are lower-case words joined by hyphens ({@code qat-without-qdq}). */
    private static final Pattern FINDING_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Null for a finding waiver; the database checks that exactly one of this and the finding code is set. */
    @Column(name = "req_id", length = 100)
    private String requirementId;

    /** Null for a finding waiver, which waives an ERROR, not a verdict. */
    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_waived", length = 12)
    private Verdict verdictWaived;

    @Column(name = "finding_code", length = 100)
    private String findingCode;

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
        Waiver w = signed(release, justification, expiresAt, signer, printedName, at);
        w.requirementId = requirement.value();
        w.verdictWaived = current;
        return w;
    }

    /**
     * Waives the cross-check finding {@code code}, which must be among the release's current findings as an
     * ERROR: a WARNING or INFO keeps no gate red, and a finding that is not reported has nothing to waive (a
     * waiver "in advance" would hide an error nobody has looked at).
     *
     * @param current every finding the release's cross-check reports now, general and per model
     */
    public static Waiver grantForFinding(Release release, String code, Collection<Finding> current, String justification,
                                         Instant expiresAt, String signer, String printedName, Instant at) {
        if (code == null || code.length() > 100 || !FINDING_CODE.matcher(code).matches()) {
            throw new InvalidInput("finding", "must be a cross-check finding code such as qat-without-qdq");
        }
        if (current.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR && f.code().equals(code))) {
            throw new Conflict("finding", "the cross-check of " + release.label() + " does not report " + code
                    + " as an ERROR now; only a current ERROR finding can be waived");
        }
        Waiver w = signed(release, justification, expiresAt, signer, printedName, at);
        w.findingCode = code;
        return w;
    }

    private static Waiver signed(Release release, String justification, Instant expiresAt, String signer,
                                 String printedName, Instant at) {
        if (justification == null || justification.strip().length() < 20 || justification.length() > 4000) {
            throw new InvalidInput("justification", "is required: 20 to 4000 characters saying why the risk is acceptable");
        }
        if (expiresAt == null || !expiresAt.isAfter(at) || expiresAt.isAfter(at.plus(LONGEST))) {
            throw new InvalidInput("expiresAt", "must be in the future and at most " + LONGEST.toDays() + " days away");
        }
        Waiver w = new Waiver();
        w.justification = justification.strip();
        w.expiresAt = expiresAt;
        w.signed = SignedContent.of(release, signer, printedName, at);
        return w;
    }

    /** Valid for the release's current round and not expired at {@code now}. */
    public boolean isValidFor(Release release, Instant now) {
        return signed.isCurrentFor(release) && now.isBefore(expiresAt);
    }

    /**
     * Signed in the release's current round, valid or expired: its signer has taken part in a deviation of
     * this round (the four-eyes rule of {@link ApprovalPolicy#missing}).
     */
    public boolean isOfCurrentRound(Release release) {
        return signed.isCurrentFor(release);
    }

    public Long id() {
        return id;
    }

    /** The requirement waived; empty for a finding waiver. */
    public Optional<RequirementId> requirementId() {
        return Optional.ofNullable(requirementId).map(RequirementId::new);
    }

    /** The verdict the requirement had when waived; empty for a finding waiver. */
    public Optional<Verdict> verdictWaived() {
        return Optional.ofNullable(verdictWaived);
    }

    /** The cross-check finding code waived; empty for a requirement waiver. */
    public Optional<String> findingCode() {
        return Optional.ofNullable(findingCode);
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
