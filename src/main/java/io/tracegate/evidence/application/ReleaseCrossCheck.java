package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelInspector;
import io.tracegate.evidence.domain.RecipeCrossCheck;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactKind;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.Evidence;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Checks the release's claimed optimization recipe against its ONNX artifacts and the calibration-set
 * hashes its evidence reports. Engines are listed but never opened; ONNX models are read through the
 * {@link ModelInspector}, which keeps their facts.
 */
@Stateless
public class ReleaseCrossCheck {

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    EvidenceItems evidence;

    @Inject
    ModelInspector inspector;

    /** The facts of one model artifact and what the cross-check found, or why it could not be read. */
    public record ModelCheck(Artifact artifact, Optional<ModelFacts> facts, List<Finding> findings) {
    }

    /** The whole report: per ONNX artifact, plus findings about the release as a whole. */
    public record Report(Release release, List<ModelCheck> models, List<Finding> findings) {
    }

    @RolesAllowed({ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR})
    public Report check(long releaseId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return check(release, evidence.all(releaseId));
    }

    /** The same, over the evidence the caller read in its transaction already (the audit package). */
    @RolesAllowed({ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR})
    public Report check(Release release, List<Evidence> items) {
        List<Finding> general = new ArrayList<>();
        Optional<OptimizationRecipe> recipe = release.recipe();
        if (recipe.isEmpty()) {
            general.add(new Finding(Finding.Severity.WARNING, "no-recipe",
                    "The release has no optimization recipe yet, so there is nothing to check the artifacts against."));
        }
        TreeSet<String> hashes = new TreeSet<>();
        for (Evidence e : items) {
            e.provenance().calibrationSha256().ifPresent(hashes::add);
        }
        if (hashes.size() > 1) {
            general.add(new Finding(Finding.Severity.ERROR, "calibration-sets-differ", "The evidence names "
                    + hashes.size() + " different calibration sets " + hashes + ": the runs did not all use the same one."));
        }
        List<ModelCheck> models = new ArrayList<>();
        List<Artifact> onnx = artifacts.of(release).stream().filter(a -> a.kind() == ArtifactKind.ONNX_MODEL).toList();
        if (onnx.isEmpty()) {
            general.add(new Finding(Finding.Severity.WARNING, "no-onnx-model",
                    "The release has no ONNX model artifact: the recipe cannot be checked against the graph."));
        }
        for (Artifact artifact : onnx) {
            models.add(checkModel(artifact, recipe, hashes.isEmpty() ? Optional.empty() : Optional.of(hashes.first())));
        }
        return new Report(release, models, general);
    }

    private ModelCheck checkModel(Artifact artifact, Optional<OptimizationRecipe> recipe, Optional<String> calibration) {
        try {
            ModelFacts facts = inspector.facts(artifact.fileName().value(), artifact.sha256(), artifact.size());
            List<Finding> findings = recipe.map(r -> new RecipeCrossCheck().check(r, facts, calibration)).orElse(List.of());
            return new ModelCheck(artifact, Optional.of(facts), findings);
        } catch (EvidenceRejected e) {
            return new ModelCheck(artifact, Optional.empty(), List.of(new Finding(Finding.Severity.ERROR, "unreadable-model",
                    "The ONNX artifact cannot be read: " + e.getMessage())));
        }
    }
}
