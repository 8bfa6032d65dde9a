package io.tracegate.approval.application;

import io.tracegate.approval.domain.ApprovalPolicy;
import io.tracegate.approval.domain.ApprovalRule;
import io.tracegate.approval.domain.ChallengeSecret;
import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.SignatureMeaning;
import io.tracegate.approval.domain.Signatures;
import io.tracegate.approval.domain.SigningChallenge;
import io.tracegate.approval.domain.SigningChallenges;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.evidence.application.ReleaseCrossCheck;
import io.tracegate.evidence.application.ReleaseTrace;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.Gate;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.evidence.domain.TraceRow;
import io.tracegate.identity.application.PasswordCheck;
import io.tracegate.identity.application.SignerAttestation;
import io.tracegate.identity.application.SigningRefusal;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseApproved;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Electronic signatures and waivers (21 CFR Part 11 / EU Annex 11 style): the signer re-enters the
 * password and a code of the authenticator they enrolled (two components, one no administrator can set),
 * signs exactly the manifest digest they saw, and the signature records id, printed name, UTC time and
 * meaning. Every refused attempt is an audit event ({@code signature.refused}); wrong passwords or codes spend
 * the challenge after three and throttle, then lock, signing for the account ({@link SigningRefusals}). The release row is locked for the whole
 * decision, so concurrent signers are serialised: both signatures land and the second sees the first.
 */
@Stateless
public class Signing {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    EvidenceItems evidence;

    @Inject
    RequirementBaselines baselines;

    @Inject
    Signatures signatures;

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordCheck passwords;

    @Inject
    SigningChallenges challenges;

    @Inject
    SignerAttestation attestation;

    @EJB
    SigningRefusals refusals;

    @Inject
    @ConfigProperty(name = "tracegate.signing.challenge-valid-for", defaultValue = "PT5M")
    Duration challengeValidFor;

    @Inject
    ApprovalPolicy policy;

    @Inject
    AuditTrail trail;

    @EJB
    ReleaseTrace trace;

    @EJB
    ReleaseCrossCheck crossCheck;

    /** Delivered after the approving transaction commits (observers use TransactionPhase.AFTER_SUCCESS). */
    @Inject
    Event<ReleaseApproved> approvals;

    @Resource
    SessionContext caller;

    /** The state of approval: the rule that applies, the current signatures, and what is still missing. */
    public record ApprovalStatus(Release release, Asil highestAsil, ApprovalRule rule, List<Signature> signatures,
                                 List<Waiver> waivers, List<String> missing) {
    }

    /** A challenge as the signer receives it: the secret is shown once, here. */
    public record IssuedChallenge(ChallengeSecret secret, SigningChallenge challenge) {
    }

    /**
     * Issues a single-use challenge for the caller to sign (or waive on) the release over the digest they
     * see; it is valid for {@code tracegate.signing.challenge-valid-for}.
     */
    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    public IssuedChallenge challenge(long releaseId, String digestSeen) {
        if (passwords.viaToken()) {
            throw new NotPermitted("Authorization", "an API token cannot sign: log in as yourself");
        }
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        release.ensureSignable(digestSeen);
        ChallengeSecret secret = ChallengeSecret.generate(RANDOM);
        SigningChallenge challenge = SigningChallenge.issue(releaseId, who(), digestSeen, release.reviewRound(), secret,
                Instant.now(), challengeValidFor);
        challenges.add(challenge);
        return new IssuedChallenge(secret, challenge);
    }

    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    public Signature sign(long releaseId, SignatureMeaning meaning, String digestSeen, String challenge, char[] password,
                          String factorCode, String comment) {
        Attested attested = attest(releaseId, digestSeen, challenge, password, factorCode);
        Release release = attested.release();
        String signer = attested.signer();
        UserAccount account = attested.account();
        ApprovalRule rule = policy.ruleFor(highestAsil(release));
        TraceMatrix matrix = refusedAs("policy", releaseId, () -> checkPolicy(release, rule, signer, meaning));
        Instant now = Instant.now();
        Signature signature = Signature.sign(release, signer, account.displayName(), meaning, comment,
                matrix.gate().green(), now);
        signatures.add(signature);
        trail.record(new AuditEntry(signer, "release.signature", "release", release.id().toString(), null,
                meaning + " by " + account.displayName() + " over " + signature.manifestDigest(), comment));
        if (meaning == SignatureMeaning.REJECT) {
            release.reject(signer, now, comment);
            audit(release, "IN_REVIEW", comment);
        } else if (missing(release, rule, matrix.gate(), evidence.all(release.id())).isEmpty()) {
            release.approve(signer, now);
            audit(release, "IN_REVIEW", "approval policy for ASIL " + highestAsil(release) + " satisfied: " + rule.describe());
        }
        releases.saveChanges(release);
        if (release.status() == ReleaseStatus.APPROVED) {
            approvals.fire(new ReleaseApproved(release.id(), release.reviewRound(), signature.manifestDigest()));
        }
        return signature;
    }

    /** Independence, one signature per person and round, one purpose per round, a green gate to approve. */
    private TraceMatrix checkPolicy(Release release, ApprovalRule rule, String signer, SignatureMeaning meaning) {
        checkIndependence(release, rule, signer);
        List<Signature> current = current(release);
        if (current.stream().anyMatch(s -> s.signer().equals(signer))) {
            throw new Conflict("signer", signer + " has already signed round " + release.reviewRound() + " of "
                    + release.label());
        }
        TraceMatrix matrix = trace.matrixOf(release);
        if (meaning.isApproval()) {
            current.stream().filter(s -> s.meaning().isApproval() && s.meaning() != meaning).findFirst().ifPresent(s -> {
                throw new Conflict("meaning", s.printedName() + " approved this round as '" + s.meaning().words()
                        + "'; all approvals of a round are for the same purpose");
            });
            if (!matrix.gate().green()) {
                throw new Conflict("gate", "the gate of " + release.label() + " is red (blocked by "
                        + matrix.gate().blockingNames().stream().limit(5).toList() + (matrix.gate().blockingNames().size() > 5
                        ? " and more" : "") + "); approve only a green gate, or waive with justification first");
            }
        }
        return matrix;
    }

    /**
     * Runs a check made before anything is written; a refusal from it is recorded as {@code signature.refused}
     * (in a transaction of its own: nothing of the signing transaction holds the audit head yet).
     */
    private <T> T refusedAs(String reason, long releaseId, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (Failure f) {
            refusals.refused(who(), releaseId, reason, f.getMessage());
            throw f;
        }
    }

    @RolesAllowed({SAFETY_MANAGER})
    public Waiver waive(long releaseId, RequirementId requirement, String justification, Instant expiresAt,
                        String digestSeen, String challenge, char[] password, String factorCode) {
        Attested attested = attest(releaseId, digestSeen, challenge, password, factorCode);
        Release release = attested.release();
        TraceRow row = refusedAs("waiver rules", releaseId, () -> trace.matrixOf(release).row(requirement)
                .orElseThrow(() -> new NoSuchEntity("requirement in the release's baseline", requirement)));
        Waiver waiver = refusedAs("waiver rules", releaseId, () -> Waiver.grant(release, requirement, row.verdict(),
                justification, expiresAt, attested.signer(), attested.account().displayName(), Instant.now()));
        signatures.add(waiver);
        trail.record(new AuditEntry(attested.signer(), "release.waiver", "requirement", release.id() + "/" + requirement,
                row.verdict().name(), "WAIVED until " + expiresAt, waiver.justification()));
        return waiver;
    }

    /**
     * Waives a cross-check finding the release's cross-check reports as ERROR now (about the release as a
     * whole or about one of its models), signed like a requirement waiver.
     */
    @RolesAllowed({SAFETY_MANAGER})
    public Waiver waiveFinding(long releaseId, String code, String justification, Instant expiresAt,
                               String digestSeen, String challenge, char[] password, String factorCode) {
        Attested attested = attest(releaseId, digestSeen, challenge, password, factorCode);
        Release release = attested.release();
        List<Finding> findings = crossCheck.findings(release, evidence.all(release.id()));
        Instant now = Instant.now();
        Waiver waiver = refusedAs("waiver rules", releaseId, () -> {
            // One valid waiver per finding: a second would hide who answers for it (an expired one may be renewed).
            signatures.waiversOf(release.id()).stream()
                    .filter(w -> w.isValidFor(release, now) && w.findingCode().filter(code::equals).isPresent())
                    .findFirst().ifPresent(w -> {
                        throw new Conflict("finding", code + " is already waived by " + w.printedName() + " until "
                                + w.expiresAt() + " in this round");
                    });
            return Waiver.grantForFinding(release, code, findings, justification, expiresAt, attested.signer(),
                    attested.account().displayName(), now);
        });
        signatures.add(waiver);
        trail.record(new AuditEntry(attested.signer(), "release.waiver", "finding", release.id() + "/" + code,
                Finding.Severity.ERROR.name(), "WAIVED until " + expiresAt, waiver.justification()));
        return waiver;
    }

    /** The release, locked, with the signer whose two components and challenge were checked for the digest they saw. */
    private record Attested(Release release, String signer, UserAccount account) {
    }

    /**
     * Checks, in this order: the release and digest, what bars the signer before any factor (token, lock,
     * throttle, no authenticator), the challenge (spent after three wrong attempts), then the password and the
     * code. Each refusal is recorded; a wrong password or code also counts against the challenge and the account.
     * Only then is the challenge spent, in this transaction (a later refusal rolls it back: the challenge stays).
     */
    private Attested attest(long releaseId, String digestSeen, String presented, char[] password, String factorCode) {
        String signer = who();
        Release release = refusedAs("release", releaseId, () -> {
            Release r = releases.withIdLocked(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
            r.ensureSignable(digestSeen);
            return r;
        });
        attestation.barrier(signer).ifPresent(refusal -> refuse(signer, releaseId, null, refusal));
        SigningChallenge challenge = usable(presented, release, signer, digestSeen);
        attestation.verify(signer, password, factorCode)
                .ifPresent(refusal -> refuse(signer, releaseId, challenge, refusal));
        UserAccount account = accounts.named(signer).orElseThrow(() -> new NotPermitted("password", "no account " + signer));
        challenges.withSecretLocked(challenge.challengeSha256()).orElseThrow()
                .redeem(release.id(), signer, digestSeen, release.reviewRound(), Instant.now());
        return new Attested(release, signer, account);
    }

    private void refuse(String signer, long releaseId, SigningChallenge challenge, SigningRefusal refusal) {
        Failure failure = refusal.failure();
        if (refusal.counts() && challenge != null) {
            if (refusals.failed(signer, releaseId, challenge.challengeSha256(), refusal.reason(), failure.getMessage())) {
                throw new NotPermitted(failure.field(), failure.getMessage() + "; after repeated failures signing is "
                        + "now locked for " + signer + ": an administrator must release it");
            }
        } else {
            refusals.refused(signer, releaseId, refusal.reason(), failure.getMessage());
        }
        throw failure;
    }

    /** The presented challenge if it was issued to the signer for this release, digest and round, and is not spent. */
    private SigningChallenge usable(String presented, Release release, String signer, String digest) {
        if (!ChallengeSecret.wellFormed(presented)) {
            InvalidInput missing = new InvalidInput("challenge", "a signing challenge is required: POST /api/releases/"
                    + release.id() + "/review/challenges with the manifest digest you are signing, then send its "
                    + "'challenge'");
            refusals.refused(signer, release.id(), "missing challenge", missing.getMessage());
            throw missing;
        }
        SigningChallenge challenge = refusedAs("challenge", release.id(), () -> challenges.withSecret(
                new ChallengeSecret(presented).sha256())
                .orElseThrow(() -> new NotPermitted("challenge", "unknown signing challenge: request a new one")));
        refusedAs(challenge.isSpent() ? "challenge spent" : "challenge", release.id(), () -> {
            challenge.ensureUsable(release.id(), signer, digest, release.reviewRound(), Instant.now());
            return challenge;
        });
        return challenge;
    }

    @RolesAllowed(ANY_ROLE)
    public ApprovalStatus status(long releaseId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        if (release.baselineId().isEmpty()) {
            return statusOf(release, null, List.of());
        }
        return statusOf(release, trace.matrixOf(release).gate(), evidence.all(release.id()));
    }

    /**
     * The status from a gate and evidence the caller read in its transaction already (the audit package
     * reads 20,000 items once, not once per use).
     */
    @RolesAllowed(ANY_ROLE)
    public ApprovalStatus status(Release release, TraceMatrix matrix, List<Evidence> items) {
        return statusOf(release, matrix.gate(), items);
    }

    /** @param gate the release's gate; null without a baseline (then the baseline is what is missing) */
    private ApprovalStatus statusOf(Release release, Gate gate, List<Evidence> items) {
        Asil asil = highestAsil(release);
        ApprovalRule rule = policy.ruleFor(asil);
        List<String> missing = release.baselineId().isEmpty() ? List.of("a requirement baseline")
                : missing(release, rule, gate, items);
        return new ApprovalStatus(release, asil, rule, signatures.ofRelease(release.id()),
                signatures.waiversOf(release.id()), missing);
    }

    /** What the policy still needs, and each cross-check ERROR that keeps the gate red by name. */
    private List<String> missing(Release release, ApprovalRule rule, Gate gate, List<Evidence> items) {
        List<ApprovalPolicy.Approval> approvals = current(release).stream().filter(s -> s.meaning().isApproval())
                .map(s -> new ApprovalPolicy.Approval(s.signer(),
                        accounts.named(s.signer()).map(UserAccount::roles).orElse(Set.of()))).toList();
        long unreviewed = items.stream().filter(e -> e.reviewState() == ReviewState.UNREVIEWED).count();
        Set<String> waiverSigners = signatures.waiversOf(release.id()).stream().filter(w -> w.isOfCurrentRound(release))
                .map(Waiver::signer).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>(ApprovalPolicy.missing(rule, approvals, gate.green(), unreviewed,
                waiverSigners));
        gate.blockingFindings().forEach(f -> missing.add("cross-check ERROR " + f.code() + " fixed or waived: "
                + f.message()));
        return missing;
    }

    private List<Signature> current(Release release) {
        return signatures.ofRelease(release.id()).stream().filter(s -> s.isCurrentFor(release)).toList();
    }

    /** Separation of duties: who built or fed the release does not approve it. */
    private void checkIndependence(Release release, ApprovalRule rule, String signer) {
        if (rule.independentOfCreator() && release.createdBy().equals(signer)) {
            throw new NotPermitted("signer", signer + " created " + release.label() + " and may not sign it");
        }
        if (rule.independentOfUploaders()) {
            Set<String> uploaders = new HashSet<>();
            artifacts.of(release).stream().map(Artifact::uploadedBy).forEach(uploaders::add);
            evidence.all(release.id()).stream().map(Evidence::uploadedBy).forEach(uploaders::add);
            if (uploaders.contains(signer)) {
                throw new NotPermitted("signer", signer + " uploaded artifacts or evidence of " + release.label()
                        + " and may not sign it under the policy for its ASIL");
            }
        }
    }

    private Asil highestAsil(Release release) {
        return release.baselineId().flatMap(baselines::summary).map(RequirementBaseline::highestAsil).orElse(Asil.QM);
    }

    private void audit(Release release, String before, String reason) {
        trail.record(new AuditEntry(who(), "release.transition", "release", release.id().toString(), before,
                release.status().name(), reason));
    }

    private String who() {
        return caller.getCallerPrincipal().getName();
    }
}
