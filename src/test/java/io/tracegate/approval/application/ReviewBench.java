package io.tracegate.approval.application;

import io.tracegate.audit.application.PackageStateOnFakes;

import io.tracegate.approval.application.Signing.IssuedChallenge;
import io.tracegate.approval.application.fakes.FakeCaller;
import io.tracegate.approval.application.fakes.FakePasswordCheck;
import io.tracegate.approval.application.fakes.InMemoryArtifacts;
import io.tracegate.approval.application.fakes.InMemoryAuditPackages;
import io.tracegate.approval.application.fakes.InMemoryBaselines;
import io.tracegate.approval.application.fakes.InMemoryEvidenceItems;
import io.tracegate.approval.application.fakes.InMemoryPackageJobs;
import io.tracegate.approval.application.fakes.InMemoryReleases;
import io.tracegate.approval.application.fakes.InMemorySignatures;
import io.tracegate.approval.application.fakes.InMemorySigningChallenges;
import io.tracegate.approval.application.fakes.InMemoryUserAccounts;
import io.tracegate.approval.application.fakes.RecordedEvents;
import io.tracegate.approval.application.fakes.RecordingAuditTrail;
import io.tracegate.approval.application.fakes.Rows;
import io.tracegate.approval.domain.ApprovalPolicy;
import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.SignatureMeaning;
import io.tracegate.identity.application.AttestationOnFakes;
import io.tracegate.identity.application.SignerAttestation;
import io.tracegate.identity.domain.PasswordHashing;
import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.infrastructure.AesGcmSealing;
import io.tracegate.identity.infrastructure.TotpCodes;
import io.tracegate.it.OneTimeCodes;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.evidence.application.ReleaseCrossCheck;
import io.tracegate.evidence.application.TraceOnFakes;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.Provenance;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.ArtifactKind;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseApproved;
import io.tracegate.release.domain.SemanticVersion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.RequirementKind;
import io.tracegate.requirement.domain.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * {@link Signing} and {@link ReleaseReview} wired over in-memory fakes of every port they use, with the real
 * domain, the real approval policy and the real trace and cross-check underneath, and a cast of people:
 * <ul>
 *   <li>{@value #ALICE} (ML engineer) creates releases and uploads their artifacts; {@value #EVE} (ML engineer)
 *   uploads evidence; {@value #SAM} (safety engineer) reviews it;</li>
 *   <li>{@value #ANN} and {@value #BOB} are approvers; {@value #KIM} and {@value #LEE} safety managers;
 *   {@value #ROOT} administers.</li>
 * </ul>
 * Each person's password is their own ({@link #password}); the caller of each step is set by the step.
 */
final class ReviewBench {

    static final String ALICE = "alice";
    static final String EVE = "eve";
    static final String SAM = "sam";
    static final String ANN = "ann";
    static final String BOB = "bob";
    static final String KIM = "kim";
    static final String LEE = "lee";
    static final String ROOT = "root";

    static final String JUSTIFICATION = "Night campaign postponed to sprint 48; HIL use is limited to day tracks.";

    final InMemoryReleases releases = new InMemoryReleases();
    final InMemoryArtifacts artifacts = new InMemoryArtifacts();
    final InMemoryEvidenceItems evidence = new InMemoryEvidenceItems();
    final InMemoryBaselines baselines = new InMemoryBaselines();
    final InMemorySignatures signatures = new InMemorySignatures();
    final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    final InMemorySigningChallenges challenges = new InMemorySigningChallenges();
    final FakePasswordCheck passwords = new FakePasswordCheck(accounts);
    final RecordingAuditTrail trail = new RecordingAuditTrail();
    final InMemoryAuditPackages packages = new InMemoryAuditPackages();
    final InMemoryPackageJobs jobs = new InMemoryPackageJobs();
    final RecordedEvents<ReleaseApproved> approvals = new RecordedEvents<>();
    final FakeCaller caller = new FakeCaller(ROOT);
    /** Content hashes of ONNX files the model inspector cannot read (the cross-check reports unreadable-model). */
    private final Set<Sha256> unreadable = new HashSet<>();

    final AttestationOnFakes.InMemorySigningFactors factors = new AttestationOnFakes.InMemorySigningFactors();
    final AttestationOnFakes.InMemorySigningLockouts lockouts = new AttestationOnFakes.InMemorySigningLockouts();
    final TotpCodes codes = new TotpCodes();
    final AesGcmSealing sealing = new AesGcmSealing(new SecretKeySpec(new byte[32], "AES"));
    /** The clock of the authenticator codes: each code the bench hands out is of the next 30-second step. */
    final MovingClock clock = new MovingClock();
    final Signing signing = new Signing();
    final SigningRefusals refusals = new SigningRefusals();
    final ReleaseReview review = new ReleaseReview();

    private long nextModelId = 1;
    private long nextContent = 1;

    ReviewBench() {
        this(ApprovalPolicy.standard());
    }

    ReviewBench(ApprovalPolicy policy) {
        ReleaseCrossCheck crossCheck = TraceOnFakes.crossCheck(releases, artifacts, evidence, (name, content, size) -> {
            if (unreadable.contains(content)) {
                throw new EvidenceRejected(name, "not an ONNX model");
            }
            throw new AssertionError("the bench uploads only unreadable ONNX models");
        });
        signing.releases = releases;
        signing.artifacts = artifacts;
        signing.evidence = evidence;
        signing.baselines = baselines;
        signing.signatures = signatures;
        signing.accounts = accounts;
        signing.passwords = passwords;
        SignerAttestation attestation = AttestationOnFakes.attestation(accounts, new PasswordHashing() {
            @Override
            public String hash(char[] password) {
                return FakePasswordCheck.hashOf(new String(password));
            }

            @Override
            public boolean matches(char[] password, String hash) {
                return password != null && hash.equals(FakePasswordCheck.hashOf(new String(password)));
            }

            @Override
            public boolean matchesNothing(char[] password) {
                return false;
            }
        }, factors, lockouts, codes, sealing, passwords::viaToken, clock);
        signing.attestation = attestation;
        refusals.challenges = challenges;
        refusals.attestation = attestation;
        refusals.trail = trail;
        signing.refusals = refusals;
        signing.challenges = challenges;
        signing.challengeValidFor = Duration.ofMinutes(5);
        signing.policy = policy;
        signing.trail = trail;
        signing.trace = TraceOnFakes.trace(releases, baselines, evidence, signatures, crossCheck);
        signing.crossCheck = crossCheck;
        signing.approvals = approvals;
        signing.caller = caller.context();

        review.releases = releases;
        review.artifacts = artifacts;
        review.baselines = baselines;
        review.evidence = evidence;
        review.trail = trail;
        review.approvalPackage = PackageStateOnFakes.of(packages, jobs);
        review.caller = caller.context();
        review.trace = signing.trace;
        review.signing = signing;

        person(ALICE, ML_ENGINEER);
        person(EVE, ML_ENGINEER);
        person(SAM, SAFETY_ENGINEER);
        person(ANN, APPROVER);
        person(BOB, APPROVER);
        person(KIM, SAFETY_MANAGER);
        person(LEE, SAFETY_MANAGER);
        person(ROOT, ADMIN);
    }

    static String password(String username) {
        return username + "'s own passphrase";
    }

    /** An active account whose password its owner chose (so it signs). */
    UserAccount person(String username, String... roles) {
        UserAccount account = UserAccount.create(username, printedName(username), "assigned",
                Set.copyOf(Arrays.asList(roles)), Instant.now());
        account.passwordChosen(FakePasswordCheck.hashOf(password(username)), Instant.now());
        accounts.add(account);
        SigningFactor factor = SigningFactor.pending(username, sealing.seal(codes.fromBase32(secretOf(username)),
                username), Instant.now());
        factor.activate(-1, Instant.now());
        factors.add(factor);
        return account;
    }

    /** Each person's authenticator secret (Base32): their name, padded. */
    static String secretOf(String username) {
        return (username.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "") + "A".repeat(32)).substring(0, 32);
    }

    /** A code of {@code who}'s authenticator for the next time step (the clock moves on one step). */
    String code(String who) {
        clock.advance(Duration.ofSeconds(30));
        return OneTimeCodes.at(secretOf(who), clock.instant().getEpochSecond() / 30, 6, "HmacSHA1");
    }

    /** A clock the bench moves. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static String printedName(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Example";
    }

    /** A DRAFT by {@value #ALICE} of a new model, verified against a new baseline of one requirement per id. */
    Release release(Asil asil, String... requirements) {
        return release(ALICE, asil, requirements);
    }

    Release release(String creator, Asil asil, String... requirements) {
        Model model = Rows.withId(Model.register(new ModelName("model-" + nextModelId), null, creator, Instant.now()),
                nextModelId++);
        Release release = Release.draft(model, new SemanticVersion("1.0.0"), null, null, creator, Instant.now());
        releases.add(release);
        List<RequirementDraft> drafts = Arrays.stream(requirements).map(id -> new RequirementDraft(new RequirementId(id),
                "Title of " + id, asil, RequirementKind.ML_PERFORMANCE, List.of(), new Verification("TEST", "ml-model"),
                List.of(), "Text of " + id, "requirements/" + id + ".md", id + "-blob")).toList();
        long baseline = baselines.add(RequirementBaseline.freeze("baseline of " + release.label(),
                BaselineSource.git("requirements", "main", "a".repeat(40)), drafts, creator, Instant.now()));
        release.useBaseline(baseline);
        return release;
    }

    /** A DRAFT without a baseline. */
    Release releaseWithoutBaseline() {
        Model model = Rows.withId(Model.register(new ModelName("model-" + nextModelId), null, ALICE, Instant.now()),
                nextModelId++);
        Release release = Release.draft(model, new SemanticVersion("1.0.0"), null, null, ALICE, Instant.now());
        releases.add(release);
        return release;
    }

    /** A JUnit report by {@value #EVE} naming {@code requirement}, its one test passed, accepted by {@value #SAM}. */
    Evidence passes(Release release, String requirement) {
        return reviewed(testReport(release, EVE, requirement, TestOutcome.PASSED), ReviewState.ACCEPTED);
    }

    /** The same with the test failed. */
    Evidence fails(Release release, String requirement) {
        return reviewed(testReport(release, EVE, requirement, TestOutcome.FAILED), ReviewState.ACCEPTED);
    }

    /** A report by {@code uploader} naming {@code requirement}, not reviewed yet. */
    Evidence testReport(Release release, String uploader, String requirement, TestOutcome outcome) {
        TestResult test = new TestResult("suite", "test_" + requirement.toLowerCase().replace('-', '_'), outcome, null,
                outcome == TestOutcome.PASSED ? null : "expected more", null);
        Evidence e = Evidence.record(release, "report-" + nextContent + ".xml",
                new ParsedEvidence(InMemoryEvidenceItems.JUNIT_XML, List.of(), List.of(test), List.of()), blob(),
                "application/xml", Map.of(), Set.of(new RequirementId(requirement)),
                Provenance.of(null, null, null, null, null, null, Map.of(), null, null, null), uploader, Instant.now());
        evidence.add(e, List.of(), List.of(test), List.of(Set.of()));
        return e;
    }

    Evidence reviewed(Evidence item, ReviewState decision) {
        evidence.addReview(item.review(decision, "checked the report against the requirement", SAM, Instant.now()));
        return item;
    }

    /** A file by {@code uploader}. */
    Artifact artifact(Release release, String uploader) {
        Artifact artifact = Artifact.record(release, new ArtifactFileName("notes-" + nextContent + ".txt"),
                ArtifactKind.OTHER, blob(), "text/plain", uploader, Instant.now());
        artifacts.add(artifact);
        return artifact;
    }

    /** An ONNX model the inspector cannot read: the cross-check reports an ERROR {@code unreadable-model}. */
    Artifact unreadableModel(Release release) {
        StoredBlob blob = blob();
        unreadable.add(blob.sha256());
        Artifact artifact = Artifact.record(release, new ArtifactFileName("model-" + nextContent + ".onnx"),
                ArtifactKind.ONNX_MODEL, blob, "application/octet-stream", ALICE, Instant.now());
        artifacts.add(artifact);
        return artifact;
    }

    private StoredBlob blob() {
        return new StoredBlob(new Sha256(String.format("%064x", nextContent++)), 1000);
    }

    /** Submitted for review by {@value #ALICE}. */
    Release submit(Release release) {
        return as(ALICE, () -> review.submit(release.id()));
    }

    String digest(Release release) {
        return release.manifestDigest().orElseThrow();
    }

    IssuedChallenge challenge(String who, Release release) {
        return as(who, () -> signing.challenge(release.id(), digest(release)));
    }

    /** {@code who} asks for a challenge and signs with it and their own password. */
    Signature sign(String who, Release release, SignatureMeaning meaning) {
        String secret = challenge(who, release).secret().value();
        String code = code(who);
        return as(who, () -> signing.sign(release.id(), meaning, digest(release), secret, password(who).toCharArray(),
                code, meaning == SignatureMeaning.REJECT ? "the night KPI is not met" : null));
    }

    Signature approve(String who, Release release) {
        return sign(who, release, SignatureMeaning.APPROVE_HIL);
    }

    Waiver waive(String who, Release release, String requirement) {
        String secret = challenge(who, release).secret().value();
        String code = code(who);
        return as(who, () -> signing.waive(release.id(), new RequirementId(requirement), JUSTIFICATION,
                Instant.now().plus(Duration.ofDays(30)), digest(release), secret, password(who).toCharArray(), code));
    }

    Waiver waiveFinding(String who, Release release, String code) {
        String secret = challenge(who, release).secret().value();
        String factorCode = code(who);
        return as(who, () -> signing.waiveFinding(release.id(), code, JUSTIFICATION,
                Instant.now().plus(Duration.ofDays(30)), digest(release), secret, password(who).toCharArray(), factorCode));
    }

    Signing.ApprovalStatus status(Release release) {
        return as(ROOT, () -> signing.status(release.id()));
    }

    <T> T as(String who, Supplier<T> call) {
        caller.is(who);
        return call.get();
    }
}
