package io.tracegate.evidence.domain;

import io.tracegate.evidence.domain.Finding.Severity;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.QuantizationMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The release-level calibration rules of the {@link RecipeCrossCheck} (listed there): what a PTQ recipe must bring
 * along, and the recipe's calibration set against the sets the evidence names.
 */
final class CalibrationCrossCheck {

    /** Evidence files named in a message; a release may have thousands. */
    private static final int NAMED_FILES = 5;

    private CalibrationCrossCheck() {
    }

    static void check(OptimizationRecipe recipe, ReleaseContents contents, List<Finding> findings) {
        if (isPtq(recipe)) {
            ptqNeeds(recipe, contents, findings);
        }
        Optional<CalibrationDataset> declared = recipe.calibrationDataset();
        if (declared.isPresent()) {
            againstEvidence(recipe, declared.get(), contents.calibrationSets(), findings);
        } else if (!contents.calibrationSets().isEmpty()) {
            boolean qat = recipe.quantization() == QuantizationMethod.QAT;
            findings.add(new Finding(qat ? Severity.INFO : Severity.WARNING, "calibration-set-unexpected", "The"
                    + " evidence names a calibration set (" + sets(contents.calibrationSets()) + ") but the recipe"
                    + " declares none" + (qat ? " (QAT may calibrate initial scales; consider recording the set)."
                    : isPtq(recipe) ? "." : ": a model without quantization should not have been calibrated.")));
        }
    }

    /** Calibration sets named by more than one hash: the runs disagree among themselves, recipe or not. */
    static void consistentAcrossEvidence(SortedMap<String, SortedSet<String>> sets, List<Finding> findings) {
        if (sets.size() > 1) {
            findings.add(new Finding(Severity.ERROR, "calibration-sets-differ", "The evidence names " + sets.size()
                    + " different calibration sets (" + sets(sets) + "): the runs did not all use the same one."));
        }
    }

    private static boolean isPtq(OptimizationRecipe recipe) {
        return recipe.precision().isQuantized() && recipe.quantization() == QuantizationMethod.PTQ;
    }

    private static void ptqNeeds(OptimizationRecipe recipe, ReleaseContents contents, List<Finding> findings) {
        String claim = "The recipe says " + recipe.precision() + " through post-training quantization (PTQ)";
        if (recipe.calibrationDataset().isEmpty()) {
            findings.add(new Finding(Severity.ERROR, "ptq-without-calibration-set", claim + " but names no calibration"
                    + " set with its SHA-256: PTQ takes every INT8 scale from the data it was calibrated on, so nothing"
                    + " shows which data that was."));
        }
        // Q/DQ nodes carry the scales in the graph (explicit quantization) and TensorRT then ignores a cache.
        if (contents.calibrationCaches().isEmpty() && !contents.explicitlyQuantized()) {
            String graphs = contents.onnxModels().isEmpty()
                    ? "the release has no ONNX model whose Q/DQ nodes could carry the INT8 scales instead"
                    : withoutQdq(contents.modelsWithoutQdq()) + ", so TensorRT takes the scales from a calibration"
                    + " cache (implicit quantization)";
            findings.add(new Finding(Severity.ERROR, "ptq-without-calibration-cache", claim + " but has no calibration"
                    + " cache artifact and " + graphs + ": the INT8 scales the engine was built with are not part of"
                    + " the release."));
        }
    }

    private static String withoutQdq(List<String> models) {
        return models.size() == 1 ? "the ONNX model " + models.get(0) + " carries no Q/DQ nodes"
                : "the ONNX models " + String.join(", ", models) + " carry no Q/DQ nodes";
    }

    private static void againstEvidence(OptimizationRecipe recipe, CalibrationDataset set,
                                        SortedMap<String, SortedSet<String>> inEvidence, List<Finding> findings) {
        String recipeHash = set.sha256().hex();
        String recipeSet = "the recipe's calibration set '" + set.name() + "' (SHA-256 " + recipeHash + ")";
        if (inEvidence.isEmpty()) {
            boolean ptq = isPtq(recipe);
            findings.add(new Finding(ptq ? Severity.ERROR : Severity.INFO, "calibration-set-unverified", "The recipe"
                    + " names the calibration set '" + set.name() + "' (SHA-256 " + recipeHash + "), but no evidence's"
                    + " provenance gives a calibration-set hash, so the release does not show which data calibrated the"
                    + " model" + (ptq ? "; PTQ takes every INT8 scale from that data, so upload the calibration run's"
                    + " evidence with its calibrationSha256." : ".")));
            return;
        }
        if (inEvidence.containsKey(recipeHash)) {
            findings.add(new Finding(Severity.INFO, "calibration-set-match", "The evidence was calibrated on "
                    + recipeSet + ": " + files(inEvidence.get(recipeHash)) + "."));
        }
        SortedMap<String, SortedSet<String>> others = new TreeMap<>(inEvidence);
        others.remove(recipeHash);
        if (!others.isEmpty()) {
            findings.add(new Finding(Severity.ERROR, "calibration-set-mismatch", "The evidence was calibrated on the"
                    + " data set with SHA-256 " + sets(others) + ", but the recipe's calibration set '" + set.name()
                    + "' has SHA-256 " + recipeHash + ": the model was calibrated on other data than the release"
                    + " declares."));
        }
    }

    private static String sets(SortedMap<String, SortedSet<String>> sets) {
        return sets.entrySet().stream().map(CalibrationCrossCheck::set).collect(Collectors.joining("; "));
    }

    private static String set(Map.Entry<String, SortedSet<String>> set) {
        return set.getKey() + " in " + files(set.getValue());
    }

    private static String files(SortedSet<String> files) {
        List<String> named = new ArrayList<>(files).subList(0, Math.min(files.size(), NAMED_FILES));
        String shown = String.join(", ", named);
        return files.size() > NAMED_FILES ? shown + " and " + (files.size() - NAMED_FILES) + " more files" : shown;
    }
}
