package io.tracegate.audit.application;

import io.tracegate.audit.domain.PackageContent.Fact;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Release;

import java.util.ArrayList;
import java.util.List;

/** The optimization recipe as named values for the report. */
final class RecipeFacts {

    private RecipeFacts() {
    }

    static List<Fact> of(Release release) {
        List<Fact> facts = new ArrayList<>();
        release.recipe().ifPresent(r -> add(facts, r, release));
        return facts;
    }

    private static void add(List<Fact> facts, OptimizationRecipe r, Release release) {
        facts.add(new Fact("precision", r.precision().name()));
        facts.add(new Fact("quantization", r.quantization().name()));
        r.calibrator().ifPresent(c -> facts.add(new Fact("calibrator", c)));
        r.calibrationDataset().ifPresent(c -> facts.add(new Fact("calibration data set",
                c.name() + ", " + c.sampleCount() + " samples, SHA-256 " + c.sha256().hex())));
        r.pruning().ifPresent(p -> facts.add(new Fact("pruning", p.method() + " at sparsity " + p.sparsity())));
        r.teacher().ifPresent(t -> facts.add(new Fact("distillation teacher", t.label() + " (release " + t.id() + ")")));
        facts.add(new Fact("TensorRT", r.tensorRt().version()));
        facts.add(new Fact("builder flags", String.join(" ", r.tensorRt().builderFlags())));
        facts.add(new Fact("target", r.target().hardware()
                + (r.target().platform() == null ? "" : ", " + r.target().platform())));
        release.recipeUpdatedAt().ifPresent(at -> facts.add(new Fact("recipe set", at + " by "
                + release.recipeUpdatedBy().orElse("?"))));
    }
}
