package io.tracegate.approval.domain;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementBaseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical description of everything a release's approval is about: identity, recipe, baseline
 * (every requirement's fingerprint), artifacts and evidence files (by SHA-256). One line per fact, sorted
 * within each section, values percent-escaped so a line never contains a blank or a line break it did not
 * mean; UTF-8, LF. Its SHA-256 is the manifest digest that signatures bind to: anyone holding the text can
 * recompute it with {@code sha256sum}.
 */
public final class ReleaseManifest {

    public static final String HEADER = "tracegate-manifest 1";

    private final String text;
    private final String digest;

    private ReleaseManifest(String text) {
        this.text = text;
        this.digest = sha256(text);
    }

    /** @param round the review round the manifest is for (the one about to start, when submitting) */
    public static ReleaseManifest of(Release release, int round, List<Artifact> artifacts, RequirementBaseline baseline,
                                     List<Evidence> evidence) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(line("release", release.id(), release.model().name(), release.version().value()));
        lines.add(release.reference().map(r -> line("reference", r.id(), r.version().value())).orElse("reference -"));
        lines.add(line("round", round));
        release.recipe().ifPresentOrElse(r -> lines.addAll(recipe(r)), () -> lines.add("recipe -"));
        lines.add(line("baseline", baseline.id(), baseline.source().kind(), baseline.source().location(),
                baseline.source().revision()));
        baseline.requirements().stream().sorted(Comparator.comparing(r -> r.id().value()))
                .forEach(r -> lines.add(line("requirement", r.id().value(), r.fingerprint())));
        artifacts.stream().sorted(Comparator.comparing(a -> a.fileName().value()))
                .forEach(a -> lines.add(line("artifact", a.sha256().hex(), a.size(), a.kind(), a.fileName().value())));
        evidence.stream().sorted(Comparator.comparing(Evidence::id))
                .forEach(e -> lines.add(line("evidence", e.id(), e.sha256().hex(), e.size(), e.format(), e.fileName())));
        return new ReleaseManifest(String.join("\n", lines) + "\n");
    }

    private static List<String> recipe(OptimizationRecipe r) {
        List<String> lines = new ArrayList<>();
        lines.add(line("recipe.precision", r.precision()));
        lines.add(line("recipe.quantization", r.quantization()));
        lines.add(line("recipe.calibrator", r.calibrator().orElse("-")));
        lines.add(r.calibrationDataset().map(c -> line("recipe.calibration", c.name(), c.sampleCount(), c.sha256().hex()))
                .orElse("recipe.calibration -"));
        lines.add(r.pruning().map(p -> line("recipe.pruning", p.method(), p.sparsity())).orElse("recipe.pruning -"));
        lines.add(line("recipe.teacher", r.teacher().map(t -> String.valueOf(t.id())).orElse("-")));
        List<Object> trt = new ArrayList<>();
        trt.add(r.tensorRt().version());
        trt.addAll(r.tensorRt().builderFlags());
        lines.add(line("recipe.tensorrt", trt.toArray()));
        lines.add(line("recipe.target", r.target().hardware(), r.target().platform()));
        return lines;
    }

    private static String line(String key, Object... values) {
        StringBuilder line = new StringBuilder(key);
        for (Object value : values) {
            line.append(' ').append(esc(String.valueOf(value)));
        }
        return line.toString();
    }

    /** Percent-escapes '%', blanks and control characters. */
    static String esc(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '%' || c == ' ' || c < 0x20 || c == 0x7f) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    public String digest() {
        return digest;
    }
}
