package io.tracegate.release.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One compressed version of a model (e.g. the INT8 build of 2.1.0), with the FP32 reference release it
 * was derived from and the recipe that derived it. Content may change only while the release is a DRAFT.
 */
@Entity
@Table(name = "model_release")
public class Release {

    @Id
    @SequenceGenerator(name = "model_release_seq", sequenceName = "model_release_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "model_release_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "model_id")
    private Model model;

    @Column(nullable = false, length = 100)
    private String version;

    @Column(length = 4000)
    private String description;

    @ManyToOne
    @JoinColumn(name = "reference_release_id")
    private Release reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReleaseStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Embedded
    private OptimizationRecipe recipe;

    @Column(name = "recipe_updated_at")
    private Instant recipeUpdatedAt;

    @Column(name = "recipe_updated_by")
    private String recipeUpdatedBy;

    @Column(name = "baseline_id")
    private Long baselineId;

    @Column(name = "review_round", nullable = false)
    private int reviewRound;

    @Column(name = "manifest_digest", length = 64)
    private String manifestDigest;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", length = 64)
    private String statusChangedBy;

    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Release() {
    }

    /**
     * Opens a new release as a DRAFT.
     *
     * @param reference the FP32 (or other) release this one was compressed from; must be of the same model
     */
    public static Release draft(Model model, SemanticVersion version, String description, Release reference,
                                String by, Instant at) {
        if (reference != null && !reference.model.id().equals(model.id())) {
            throw new InvalidInput("referenceReleaseId", "the reference release " + reference.label()
                    + " belongs to another model than " + model.name());
        }
        Release release = new Release();
        release.model = Objects.requireNonNull(model);
        release.version = version.value();
        release.description = Descriptions.check("description", description);
        release.reference = reference;
        release.status = ReleaseStatus.DRAFT;
        release.createdBy = Objects.requireNonNull(by);
        release.createdAt = Objects.requireNonNull(at);
        return release;
    }

    /** Sets (or replaces) the optimization recipe; refused once the release has left DRAFT. */
    public void attachRecipe(OptimizationRecipe newRecipe, String by, Instant at) {
        ensureAcceptsContentChanges();
        if (newRecipe.hasTeacher(this)) {
            throw new InvalidInput("distillation.teacherReleaseId", "a release cannot be its own distillation teacher");
        }
        this.recipe = newRecipe;
        this.recipeUpdatedBy = by;
        this.recipeUpdatedAt = at;
    }

    /**
     * Verifies this release against another requirement baseline (referenced by id: baselines are their
     * own aggregate). Only a DRAFT release may change its baseline.
     *
     * @return the baseline it used before, if any
     */
    public Optional<Long> useBaseline(long newBaselineId) {
        ensureAcceptsContentChanges();
        Optional<Long> before = Optional.ofNullable(baselineId);
        this.baselineId = newBaselineId;
        return before;
    }

    public Optional<Long> baselineId() {
        return Optional.ofNullable(baselineId);
    }

    /** Refuses changes to the content (recipe, artifacts, evidence) of a release that is no longer a DRAFT. */
    public void ensureAcceptsContentChanges() {
        if (!status.acceptsContentChanges()) {
            throw new Conflict("status", "release " + label() + " is " + status + "; its content is frozen");
        }
    }

    /**
     * Refuses a new evidence review unless the release is a DRAFT: from IN_REVIEW on the reviews are part of what
     * the signers saw (approval counts them, the gate reads them), so a late one would change a signed release
     * behind its signatures.
     */
    public void ensureAcceptsReviews() {
        if (status.acceptsContentChanges()) {
            return;
        }
        boolean reopenable = status == ReleaseStatus.IN_REVIEW || status == ReleaseStatus.REJECTED;
        throw new Conflict("status", "release " + label() + " is " + status + ": its evidence reviews are part of what "
                + (status == ReleaseStatus.IN_REVIEW ? "is being signed" : "was signed")
                + (reopenable ? "; reopen it first (POST /api/releases/" + id + "/review/transitions {\"to\": \"DRAFT\"})"
                        : " and stay as they are; open a new release to review its evidence again"));
    }

    /**
     * DRAFT → IN_REVIEW: the content freezes and {@code digest} (the SHA-256 of its canonical manifest)
     * becomes what signatures bind to. Each review starts a new round, so signatures of an earlier round
     * can never count for this one.
     */
    public void submitForReview(String digest, String by, Instant at) {
        requireStatus("submit for review", ReleaseStatus.DRAFT);
        if (baselineId == null) {
            throw new Conflict("baseline", "release " + label() + " has no requirement baseline; link one before review");
        }
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("manifest digest must be 64 hex digits");
        }
        this.reviewRound++;
        this.manifestDigest = digest;
        changeStatus(ReleaseStatus.IN_REVIEW, by, at, null);
    }

    /** IN_REVIEW or REJECTED → DRAFT: content may change again; this round's signatures become obsolete. */
    public void reopen(String by, Instant at, String reason) {
        requireStatus("reopen", ReleaseStatus.IN_REVIEW, ReleaseStatus.REJECTED);
        this.manifestDigest = null;
        changeStatus(ReleaseStatus.DRAFT, by, at, requireReason(reason));
    }

    /** IN_REVIEW → APPROVED, once the approval policy is satisfied (checked by the caller). */
    public void approve(String by, Instant at) {
        requireStatus("approve", ReleaseStatus.IN_REVIEW);
        changeStatus(ReleaseStatus.APPROVED, by, at, null);
    }

    /** IN_REVIEW → REJECTED by a signed rejection. */
    public void reject(String by, Instant at, String reason) {
        requireStatus("reject", ReleaseStatus.IN_REVIEW);
        changeStatus(ReleaseStatus.REJECTED, by, at, reason);
    }

    /** APPROVED → RELEASED: handed over for its approved purpose. */
    public void release(String by, Instant at, String reason) {
        requireStatus("release", ReleaseStatus.APPROVED);
        changeStatus(ReleaseStatus.RELEASED, by, at, reason);
    }

    /** APPROVED or RELEASED → REVOKED, always with the reason. */
    public void revoke(String by, Instant at, String reason) {
        requireStatus("revoke", ReleaseStatus.APPROVED, ReleaseStatus.RELEASED);
        changeStatus(ReleaseStatus.REVOKED, by, at, requireReason(reason));
    }

    /** Refuses a signature unless it is over the content as frozen now. */
    public void ensureSignable(String digestSeen) {
        requireStatus("sign", ReleaseStatus.IN_REVIEW);
        if (!java.util.Objects.equals(manifestDigest, digestSeen)) {
            throw new Conflict("manifestDigest", "release " + label() + " is under review with manifest digest "
                    + manifestDigest + ", not " + digestSeen + ": reload what you are signing");
        }
    }

    private void requireStatus(String action, ReleaseStatus... allowed) {
        if (!java.util.Arrays.asList(allowed).contains(status)) {
            throw new Conflict("status", "cannot " + action + " release " + label() + ": it is " + status
                    + " (allowed from " + java.util.Arrays.toString(allowed) + ")");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInput("reason", "is required (1 to 1000 characters)");
        }
        return reason.strip();
    }

    private void changeStatus(ReleaseStatus to, String by, Instant at, String reason) {
        this.status = to;
        this.statusChangedBy = by;
        this.statusChangedAt = at;
        this.statusReason = reason;
    }

    public int reviewRound() {
        return reviewRound;
    }

    public Optional<String> manifestDigest() {
        return Optional.ofNullable(manifestDigest);
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    public Optional<Instant> statusChangedAt() {
        return Optional.ofNullable(statusChangedAt);
    }

    public Optional<String> statusChangedBy() {
        return Optional.ofNullable(statusChangedBy);
    }

    public String label() {
        return model.name() + "@" + version;
    }

    public Long id() {
        return id;
    }

    public Model model() {
        return model;
    }

    public SemanticVersion version() {
        return new SemanticVersion(version);
    }

    public String description() {
        return description;
    }

    public Optional<Release> reference() {
        return Optional.ofNullable(reference);
    }

    public ReleaseStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<OptimizationRecipe> recipe() {
        return recipe != null && recipe.isPresent() ? Optional.of(recipe) : Optional.empty();
    }

    public Optional<Instant> recipeUpdatedAt() {
        return Optional.ofNullable(recipeUpdatedAt);
    }

    public Optional<String> recipeUpdatedBy() {
        return Optional.ofNullable(recipeUpdatedBy);
    }

    /** The optimistic-locking version, exposed to clients as an ETag. */
    public long revision() {
        return rowVersion;
    }
}
