package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelInspector;
import io.tracegate.evidence.domain.RecipeCrossCheck;
import io.tracegate.evidence.domain.ReleaseContents;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactKind;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/**
 * Checks the release's claimed optimization recipe against its artifacts and the calibration-set hashes its
 * evidence reports (the rules are {@link RecipeCrossCheck}'s). Engines are listed but never opened; ONNX models are
 * read through the {@link ModelInspector}, which keeps their facts, so the check is cheap enough for every gate.
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

        /** Every finding, the release's first; a model's message starts with its artifact's file name. */
        public List<Finding> allFindings() {
            List<Finding> all = new ArrayList<>(findings);
            for (ModelCheck model : models) {
                String file = model.artifact().fileName().value();
                model.findings().forEach(f -> all.add(new Finding(f.severity(), f.code(), file + ": " + f.message())));
            }
            return List.copyOf(all);
        }

        /** False when any finding, of the release or of a model, is an ERROR. */
        public boolean consistent() {
            return findings.stream().noneMatch(ReleaseCrossCheck::isError)
                    && models.stream().flatMap(m -> m.findings().stream()).noneMatch(ReleaseCrossCheck::isError);
        }
    }

    @RolesAllowed(ANY_ROLE)
    public Report check(long releaseId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return check(release, evidence.all(releaseId));
    }

    /** The same, over the evidence the caller read in its transaction already (the audit package). */
    @RolesAllowed(ANY_ROLE)
    public Report check(Release release, List<Evidence> items) {
        Optional<OptimizationRecipe> recipe = release.recipe();
        List<Artifact> all = artifacts.of(release);
        List<ModelCheck> models = all.stream().filter(a -> a.kind() == ArtifactKind.ONNX_MODEL)
                .map(a -> checkModel(a, recipe)).toList();
        List<Finding> general = new RecipeCrossCheck().checkRelease(recipe, contents(all, models, items));
        return new Report(release, models, general);
    }

    /**
     * Every finding of the release and of its models in one list, each model's naming its file: what the gate
     * needs, in the caller's transaction. Model files are not parsed again once their facts are known.
     */
    @RolesAllowed(ANY_ROLE)
    public List<Finding> findings(Release release, List<Evidence> items) {
        return check(release, items).allFindings();
    }

    private static ReleaseContents contents(List<Artifact> all, List<ModelCheck> models, List<Evidence> items) {
        List<String> onnx = models.stream().map(m -> m.artifact().fileName().value()).toList();
        Set<String> withQdq = models.stream().filter(m -> m.facts().map(f -> f.quantization().hasQdq()).orElse(false))
                .map(m -> m.artifact().fileName().value()).collect(Collectors.toSet());
        List<String> caches = all.stream().filter(a -> a.kind() == ArtifactKind.CALIBRATION_CACHE)
                .map(a -> a.fileName().value()).toList();
        SortedMap<String, SortedSet<String>> sets = new TreeMap<>();
        for (Evidence e : items) {
            e.provenance().calibrationSha256()
                    .ifPresent(hash -> sets.computeIfAbsent(hash, h -> new TreeSet<>()).add(e.fileName()));
        }
        return new ReleaseContents(onnx, withQdq, caches, sets);
    }

    private ModelCheck checkModel(Artifact artifact, Optional<OptimizationRecipe> recipe) {
        try {
            ModelFacts facts = inspector.facts(artifact.fileName().value(), artifact.sha256(), artifact.size());
            List<Finding> findings = recipe.map(r -> new RecipeCrossCheck().checkModel(r, facts)).orElse(List.of());
            return new ModelCheck(artifact, Optional.of(facts), findings);
        } catch (EvidenceRejected e) {
            return new ModelCheck(artifact, Optional.empty(), List.of(new Finding(Finding.Severity.ERROR, "unreadable-model",
                    "The ONNX artifact cannot be read: " + e.getMessage())));
        }
    }

    private static boolean isError(Finding finding) {
        return finding.severity() == Finding.Severity.ERROR;
    }
}
