package io.tracegate.evidence.domain;

import io.tracegate.evidence.domain.Finding.Severity;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that hold once per release: what a PTQ recipe must bring along, and the calibration set's provenance. */
class ReleaseLevelCrossCheckTest {

    private static final String CALIBRATION_SHA = "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e";
    private static final String OTHER_SHA = "b".repeat(64);

    private final RecipeCrossCheck check = new RecipeCrossCheck();

    // ---- recipes

    private static OptimizationRecipe recipe(Precision precision, QuantizationMethod method, CalibrationDataset set) {
        return OptimizationRecipe.of(precision, method, method == QuantizationMethod.PTQ ? "entropy2" : null, set, null,
                null, new TensorRtBuild("10.3.0", List.of("--int8")), new TargetPlatform("NVIDIA DRIVE AGX Orin", null));
    }

    private static CalibrationDataset calibrationSet() {
        return new CalibrationDataset("fcod-calib-v7", 1024, new Sha256(CALIBRATION_SHA));
    }

    private static Optional<OptimizationRecipe> ptq(Precision precision) {
        return Optional.of(recipe(precision, QuantizationMethod.PTQ, calibrationSet()));
    }

    private static Optional<OptimizationRecipe> qat() {
        return Optional.of(recipe(Precision.INT8, QuantizationMethod.QAT, null));
    }

    private static Optional<OptimizationRecipe> fp16() {
        return Optional.of(recipe(Precision.FP16, QuantizationMethod.NONE, null));
    }

    /** A PTQ recipe as a database row written before the API required the calibration set could hold it. */
    private static Optional<OptimizationRecipe> ptqWithoutCalibrationSet() {
        return Optional.of(new OptimizationRecipe() {
            @Override
            public Precision precision() {
                return Precision.INT8;
            }

            @Override
            public QuantizationMethod quantization() {
                return QuantizationMethod.PTQ;
            }

            @Override
            public Optional<CalibrationDataset> calibrationDataset() {
                return Optional.empty();
            }
        });
    }

    // ---- release contents

    /** A release with one ONNX model without Q/DQ nodes, no cache and no calibration hash in evidence by default. */
    private static final class Contents {
        final List<String> models = new ArrayList<>(List.of("model.onnx"));
        final Set<String> withQdq = new TreeSet<>();
        final List<String> caches = new ArrayList<>();
        final TreeMap<String, java.util.SortedSet<String>> sets = new TreeMap<>();

        Contents qdq() {
            withQdq.addAll(models);
            return this;
        }

        Contents noModel() {
            models.clear();
            return this;
        }

        Contents model(String name, boolean qdq) {
            models.add(name);
            if (qdq) {
                withQdq.add(name);
            }
            return this;
        }

        Contents cache() {
            caches.add("calibration.cache");
            return this;
        }

        Contents evidence(String file, String calibrationSha) {
            sets.computeIfAbsent(calibrationSha, hash -> new TreeSet<>()).add(file);
            return this;
        }

        Contents calibrated() {
            return evidence("calibration-run.json", CALIBRATION_SHA);
        }

        ReleaseContents build() {
            return new ReleaseContents(models, withQdq, caches, sets);
        }
    }

    private static Contents release() {
        return new Contents();
    }

    private List<Finding> findings(Optional<OptimizationRecipe> recipe, Contents contents) {
        return check.checkRelease(recipe, contents.build());
    }

    private static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as("findings with code %s in %s", code, findings).hasSize(1);
        return matching.get(0);
    }

    private static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::code).toList();
    }

    // ---- what a PTQ recipe must bring along

    @Test
    void anInt8PtqReleaseWithoutQdqNodesAndWithoutACalibrationCacheIsAnError() {
        Finding finding = only(findings(ptq(Precision.INT8), release().calibrated()), "ptq-without-calibration-cache");

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).isEqualTo("The recipe says INT8 through post-training quantization (PTQ) but has"
                + " no calibration cache artifact and the ONNX model model.onnx carries no Q/DQ nodes, so TensorRT takes"
                + " the scales from a calibration cache (implicit quantization): the INT8 scales the engine was built"
                + " with are not part of the release.");
        assertThat(errors(findings(ptq(Precision.MIXED), release().calibrated())))
                .containsExactly("ptq-without-calibration-cache");
    }

    @Test
    void aCalibrationCacheSatisfiesAPtqReleaseWithoutQdqNodes() {
        assertThat(findings(ptq(Precision.INT8), release().cache().calibrated())).extracting(Finding::code)
                .containsExactly("calibration-set-match");
    }

    @Test
    void qdqNodesInEveryModelExemptAPtqReleaseFromTheCache() {
        assertThat(errors(findings(ptq(Precision.INT8), release().qdq().calibrated()))).isEmpty();
        assertThat(only(findings(ptq(Precision.INT8), release().qdq().model("head.onnx", false).calibrated()),
                "ptq-without-calibration-cache").message()).contains("the ONNX model head.onnx carries no Q/DQ nodes");
    }

    @Test
    void aPtqReleaseWithoutAnyOnnxModelStillNeedsItsCacheAndCannotClaimTheQdqExemption() {
        List<Finding> findings = findings(ptq(Precision.INT8), release().noModel());

        assertThat(errors(findings)).containsExactlyInAnyOrder("ptq-without-calibration-cache",
                "calibration-set-unverified");
        assertThat(only(findings, "ptq-without-calibration-cache").message()).contains("the release has no ONNX model"
                + " whose Q/DQ nodes could carry the INT8 scales instead");
        assertThat(only(findings, "no-onnx-model").severity()).isEqualTo(Severity.WARNING);
        assertThat(errors(findings(ptq(Precision.INT8), release().noModel().cache().calibrated()))).isEmpty();
    }

    @Test
    void aPtqRecipeWithoutACalibrationSetIsAnError() {
        Finding finding = only(findings(ptqWithoutCalibrationSet(), release().qdq()), "ptq-without-calibration-set");

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("names no calibration set with its SHA-256");
        assertThat(findings(ptq(Precision.INT8), release().qdq().calibrated())).extracting(Finding::code)
                .doesNotContain("ptq-without-calibration-set");
    }

    // ---- the calibration set against the evidence's provenance

    @Test
    void aPtqReleaseWhoseEvidenceNamesNoCalibrationSetIsAnErrorButAQatOneOnlyARemark() {
        Finding ptq = only(findings(ptq(Precision.INT8), release().qdq().cache()), "calibration-set-unverified");
        Optional<OptimizationRecipe> qatWithSet = Optional.of(recipe(Precision.INT8, QuantizationMethod.QAT,
                calibrationSet()));
        Finding qat = only(findings(qatWithSet, release().qdq()), "calibration-set-unverified");

        assertThat(ptq.severity()).isEqualTo(Severity.ERROR);
        assertThat(ptq.message()).contains("'fcod-calib-v7' (SHA-256 " + CALIBRATION_SHA + ")",
                "no evidence's provenance gives a calibration-set hash", "upload the calibration run's evidence");
        assertThat(qat.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void theRecipesCalibrationSetNamedByTheEvidenceIsConfirmedWhateverTheCaseOfTheHash() {
        Finding finding = only(findings(ptq(Precision.INT8), release().qdq()
                .evidence("kpi.csv", " " + CALIBRATION_SHA.toUpperCase(Locale.ROOT) + " ")), "calibration-set-match");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("The evidence was calibrated on the recipe's calibration set"
                + " 'fcod-calib-v7' (SHA-256 " + CALIBRATION_SHA + "): kpi.csv.");
    }

    @Test
    void anotherCalibrationSetInTheEvidenceIsAnErrorNamingBothHashesAndTheFile() {
        List<Finding> findings = findings(ptq(Precision.INT8), release().qdq().calibrated().evidence("night.csv", OTHER_SHA));
        Finding mismatch = only(findings, "calibration-set-mismatch");

        assertThat(mismatch.severity()).isEqualTo(Severity.ERROR);
        assertThat(mismatch.message()).contains(OTHER_SHA + " in night.csv", CALIBRATION_SHA, "'fcod-calib-v7'");
        assertThat(only(findings, "calibration-sets-differ").severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aCalibrationSetTheRecipeDoesNotDeclareIsWarnedAndForQatOnlyRemarked() {
        assertThat(only(findings(fp16(), release().evidence("kpi.csv", OTHER_SHA)), "calibration-set-unexpected")
                .severity()).isEqualTo(Severity.WARNING);
        assertThat(only(findings(qat(), release().qdq().evidence("kpi.csv", OTHER_SHA)), "calibration-set-unexpected")
                .severity()).isEqualTo(Severity.INFO);
    }

    // ---- recipes the PTQ rules leave alone

    @Test
    void floatAndQatRecipesNeedNeitherCacheNorCalibrationSet() {
        assertThat(findings(fp16(), release())).isEmpty();
        assertThat(findings(fp16(), release().noModel())).extracting(Finding::code).containsExactly("no-onnx-model");
        assertThat(findings(qat(), release())).isEmpty();
    }

    @Test
    void aReleaseWithoutRecipeIsOnlyWarned() {
        assertThat(findings(Optional.empty(), release().noModel())).extracting(Finding::severity)
                .containsOnly(Severity.WARNING);
    }
}
