package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.Finding.Severity;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelInspector;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.Provenance;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.ArtifactKind;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.OptimizationRecipe;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.SemanticVersion;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-check of a whole release on in-memory artifacts: which rules run once, which per model. */
class ReleaseCrossCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final String CALIBRATION_SHA = "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e";

    private final Release release = Release.draft(Model.register(new ModelName("front-camera-object-detector"), null,
            "alice", NOW), new SemanticVersion("4.2.0-int8.1"), null, null, "alice", NOW);
    private final List<Artifact> stored = new ArrayList<>();
    private final Map<Sha256, ModelFacts> models = new HashMap<>();
    private final ReleaseCrossCheck crossCheck = new ReleaseCrossCheck();

    ReleaseCrossCheckTest() {
        crossCheck.artifacts = new InMemoryArtifacts();
        crossCheck.inspector = (fileName, content, size) -> models.get(content);
    }

    private final class InMemoryArtifacts implements Artifacts {
        @Override
        public void add(Artifact artifact) {
            stored.add(artifact);
        }

        @Override
        public Optional<Artifact> withId(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Artifact> of(Release r, ArtifactFileName name) {
            return stored.stream().filter(a -> a.fileName().equals(name)).findFirst();
        }

        @Override
        public List<Artifact> of(Release r) {
            return List.copyOf(stored);
        }
    }

    // ---- the release

    private void recipe(Precision precision, QuantizationMethod method) {
        CalibrationDataset set = method == QuantizationMethod.PTQ
                ? new CalibrationDataset("fcod-calib-v7", 1024, new Sha256(CALIBRATION_SHA)) : null;
        release.attachRecipe(OptimizationRecipe.of(precision, method, method == QuantizationMethod.PTQ ? "entropy2" : null,
                set, null, null, new TensorRtBuild("10.3.0", List.of("--int8")),
                new TargetPlatform("NVIDIA DRIVE AGX Orin", null)), "alice", NOW);
    }

    private void artifact(String fileName, ArtifactKind kind, ModelFacts facts) {
        Sha256 sha = new Sha256(String.format("%064x", stored.size() + 1));
        stored.add(Artifact.record(release, new ArtifactFileName(fileName), kind, new StoredBlob(sha, 100,
                OptionalLong.empty()), null, "ci", NOW));
        if (facts != null) {
            models.put(sha, facts);
        }
    }

    private void onnx(String fileName, boolean qdq) {
        artifact(fileName, ArtifactKind.ONNX_MODEL, facts(qdq));
    }

    private Evidence calibratedEvidence() {
        return Evidence.record(release, "kpi-day-hil.csv", ParsedEvidence.opaque(),
                new StoredBlob(new Sha256("e".repeat(64)), 10, OptionalLong.empty()), null, Map.of(), Set.of(),
                Provenance.of(null, null, null, null, null, null, Map.of(), null, null, CALIBRATION_SHA), "ci", NOW);
    }

    private static ModelFacts facts(boolean qdq) {
        return new ModelFacts(8, new TreeMap<>(Map.of("ai.onnx", 17L)), "pytorch", "2.4.0", "main_graph", List.of(),
                List.of(), 100, new TreeMap<>(Map.of("Conv", 10L)),
                new ModelFacts.Parameters(1000, 1000, 0, new TreeMap<>(Map.of("FLOAT", 1000L)), 1000,
                        qdq ? 950 : 0, 900, 0),
                new ModelFacts.Quantization(qdq ? 10 : 0, qdq ? 20 : 0, new TreeMap<>(), qdq ? 10 : 0, qdq ? 20 : 0, 0),
                new ModelFacts.ExternalData(0, new TreeSet<>()), new TreeMap<>());
    }

    private static List<String> codes(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).map(Finding::code).toList();
    }

    // ---- behaviour

    @Test
    void aQatReleaseWhoseGraphHasNoQdqNodesIsInconsistentAndItsFindingNamesTheFile() {
        recipe(Precision.INT8, QuantizationMethod.QAT);
        onnx("model.onnx", false);

        ReleaseCrossCheck.Report report = crossCheck.check(release, List.of());
        List<Finding> findings = crossCheck.findings(release, List.of());

        assertThat(report.consistent()).isFalse();
        assertThat(codes(findings, Severity.ERROR)).containsExactly("qat-without-qdq");
        assertThat(findings).filteredOn(f -> f.code().equals("qat-without-qdq")).singleElement()
                .extracting(Finding::message).asString().startsWith("model.onnx: The recipe says INT8 through");
    }

    @Test
    void aPtqReleaseWithoutCacheOrCalibratedEvidenceHasEachReleaseErrorOnceWhateverItsNumberOfModels() {
        recipe(Precision.INT8, QuantizationMethod.PTQ);
        onnx("backbone.onnx", false);
        onnx("head.onnx", false);

        List<Finding> findings = crossCheck.findings(release, List.of());

        assertThat(codes(findings, Severity.ERROR)).containsExactlyInAnyOrder("ptq-without-calibration-cache",
                "calibration-set-unverified");
        assertThat(codes(findings, Severity.WARNING)).containsExactly("ptq-implicit-quantization",
                "ptq-implicit-quantization");
        assertThat(crossCheck.check(release, List.of()).consistent()).isFalse();
    }

    @Test
    void aPtqReleaseWithoutOnnxModelIsStillHeldToTheCacheAndCalibrationRules() {
        recipe(Precision.INT8, QuantizationMethod.PTQ);
        artifact("fcod.engine", ArtifactKind.TENSORRT_ENGINE, null);

        assertThat(codes(crossCheck.findings(release, List.of()), Severity.ERROR))
                .containsExactlyInAnyOrder("ptq-without-calibration-cache", "calibration-set-unverified");
    }

    @Test
    void aPtqReleaseWithQdqNodesCacheAndCalibratedEvidenceIsConsistentAsTheDemoIs() {
        recipe(Precision.INT8, QuantizationMethod.PTQ);
        onnx("fcod-int8.onnx", true);
        artifact("calibration.cache", ArtifactKind.CALIBRATION_CACHE, null);

        ReleaseCrossCheck.Report report = crossCheck.check(release, List.of(calibratedEvidence()));

        assertThat(report.consistent()).as("%s", report.allFindings()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).containsExactly("calibration-set-match");
    }

    @Test
    void qdqNodesSpareAPtqReleaseTheCacheButNotTheCalibratedEvidence() {
        recipe(Precision.INT8, QuantizationMethod.PTQ);
        onnx("fcod-int8.onnx", true);

        assertThat(codes(crossCheck.findings(release, List.of()), Severity.ERROR))
                .containsExactly("calibration-set-unverified");
        assertThat(crossCheck.check(release, List.of(calibratedEvidence())).consistent()).isTrue();
    }

    @Test
    void anFp16ReleaseIsHeldToNoneOfThePtqRules() {
        recipe(Precision.FP16, QuantizationMethod.NONE);
        onnx("fcod-fp16.onnx", false);

        ReleaseCrossCheck.Report report = crossCheck.check(release, List.of());

        assertThat(report.allFindings()).isEmpty();
        assertThat(report.consistent()).isTrue();
    }
}
