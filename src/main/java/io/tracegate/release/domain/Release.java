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
