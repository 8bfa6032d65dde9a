package io.tracegate.release.application;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.failure.StaleVersion;
import io.tracegate.platform.paging.Page;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Models;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.release.domain.SemanticVersion;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.AuditValues;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.OptionalLong;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;

/** Opening releases of a model, reading them, and attaching their optimization recipe. */
@Stateless
public class ReleaseRegistry {

    @Inject
    Models models;

    @Inject
    Releases releases;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Release open(ModelName modelName, SemanticVersion version, String description, Long referenceReleaseId) {
        Model model = models.named(modelName).orElseThrow(() -> new NoSuchEntity("model", modelName));
        if (releases.of(model, version).isPresent()) {
            throw new Conflict("version", "release " + modelName + "@" + version + " already exists");
        }
        Release reference = referenceReleaseId == null ? null : releases.withId(referenceReleaseId)
                .orElseThrow(() -> new InvalidInput("referenceReleaseId", "no release with id " + referenceReleaseId));
        Release release = Release.draft(model, version, description, reference, callerName(), Instant.now());
        releases.add(release);
        trail.record(new AuditEntry(release.createdBy(), "release.create", "release", release.id().toString(), null,
                AuditValues.json("model", modelName.value(), "version", version.value(), "status",
                        release.status().name(), "reference", reference == null ? null : reference.label()),
                null));
        return release;
    }

    @RolesAllowed(ANY_ROLE)
    public Page<Release> ofModel(ModelName modelName, int offset, int limit) {
        Model model = models.named(modelName).orElseThrow(() -> new NoSuchEntity("model", modelName));
        return new Page<>(releases.ofModel(model, offset, limit), offset, limit, releases.countOf(model));
    }

    @RolesAllowed(ANY_ROLE)
    public Release withId(long id) {
        return releases.withId(id).orElseThrow(() -> new NoSuchEntity("release", id));
    }

    /**
     * Sets the recipe of a DRAFT release.
     *
     * @param expectedRevision the revision the client last saw (If-Match); empty to overwrite unconditionally
     */
    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Release attachRecipe(long releaseId, RecipeDraft draft, OptionalLong expectedRevision) {
        Release release = withId(releaseId);
        if (expectedRevision.isPresent() && expectedRevision.getAsLong() != release.revision()) {
            throw new StaleVersion("release " + release.label() + " is at revision " + release.revision()
                    + ", the request expected " + expectedRevision.getAsLong());
        }
        Release teacher = draft.teacherReleaseId() == null ? null : releases.withId(draft.teacherReleaseId())
                .orElseThrow(() -> new InvalidInput("distillation.teacherReleaseId",
                        "no release with id " + draft.teacherReleaseId()));
        String before = release.recipe().map(ReleaseRegistry::recipeText).orElse(null);
        release.attachRecipe(draft.toRecipe(teacher), callerName(), Instant.now());
        releases.saveChanges(release);
        trail.record(new AuditEntry(callerName(), "release.recipe", "release", release.id().toString(), before,
                release.recipe().map(ReleaseRegistry::recipeText).orElse(null), null));
        return release;
    }

    /** The recipe as recorded in the audit trail (its digest when longer than an audit value may be). */
    static String recipeText(OptimizationRecipe recipe) {
        return AuditValues.json("precision", recipe.precision().name(),
                "quantization", recipe.quantization().name(),
                "calibrator", recipe.calibrator().orElse(null),
                "calibrationDataset", recipe.calibrationDataset()
                        .map(set -> set.name() + " (" + set.sampleCount() + " samples, sha256 " + set.sha256() + ")")
                        .orElse(null),
                "pruning", recipe.pruning().map(p -> p.method() + " sparsity " + p.sparsity()).orElse(null),
                "teacher", recipe.teacher().map(teacher -> teacher.label()).orElse(null),
                "tensorRt", recipe.tensorRt().version(),
                "builderFlags", String.join(" ", recipe.tensorRt().builderFlags()),
                "hardware", recipe.target().hardware(),
                "platform", recipe.target().platform());
    }

    private String callerName() {
        return caller.getCallerPrincipal().getName();
    }
}
