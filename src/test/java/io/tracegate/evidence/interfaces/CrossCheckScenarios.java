package io.tracegate.evidence.interfaces;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-check of recipes against ONNX artifacts and evidence provenance, and what it means for the gate. */
public interface CrossCheckScenarios extends EvidenceScenarios {

    @Test
    default void theCrossCheckReadsTheOnnxArtifactsAndFindsTheDemoRecipesConsistent() {
        JsonObject int8 = api().get(Login.APPROVER, "api/releases/" + demoRelease("4.2.0-int8.1") + "/cross-check").json();
        assertThat(int8.getBoolean("consistent")).as(int8.toString()).isTrue();
        JsonObject facts = int8.getJsonArray("models").getJsonObject(0).getJsonObject("facts");
        assertThat(facts.getJsonNumber("quantizeLinear").longValue()).isPositive();
        assertThat(facts.getJsonArray("inputs").getJsonObject(0).getJsonArray("dims").getString(0)).isEqualTo("batch");
        assertThat(int8.getJsonArray("findings").stream().map(f -> f.asJsonObject().getString("code")))
                .as("the calibration set is checked once for the release, not per model")
                .containsExactly("calibration-set-match");
    }

    @Test
    default void aQatRecipeOverAGraphWithoutQuantizationIsAnError() throws Exception {
        long release = releaseOnDemoBaseline();
        Reply recipe = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", """
                {"precision": "INT8", "quantization": {"method": "QAT"},
                 "tensorRt": {"version": "10.3.0", "builderFlags": ["--int8"]},
                 "target": {"hardware": "NVIDIA DRIVE AGX Orin", "platform": "DRIVE OS 6.0.10"}}""", Map.of());
        assertThat(recipe.status()).as(recipe.toString()).isEqualTo(200);
        byte[] fp32 = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("evidence/front-camera-object-detector/4.2.0/fcod-fp32.onnx"));
        Reply upload = api().upload(Login.CI, "api/releases/" + release + "/artifacts/model.onnx?kind=ONNX_MODEL&sha256="
                + EvidenceScenarios.sha256(fp32), fp32);
        assertThat(upload.status()).isEqualTo(201);

        JsonObject check = api().get(Login.AUDITOR, "api/releases/" + release + "/cross-check").json();
        assertThat(check.getBoolean("consistent")).isFalse();
        assertThat(check.getJsonArray("models").getJsonObject(0).getJsonArray("findings").stream()
                .map(f -> f.asJsonObject().getString("code"))).contains("qat-without-qdq");
    }

    @Test
    default void aPtqRecipeOverAGraphWithoutQdqNodesNeedsItsCalibrationCache() throws Exception {
        long release = releaseOnDemoBaseline();
        Reply recipe = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", """
                {"precision": "INT8", "quantization": {"method": "PTQ", "calibrator": "entropy2",
                   "calibrationDataset": {"name": "fcod-calib-v7", "sampleCount": 1024,
                     "sha256": "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e"}},
                 "tensorRt": {"version": "10.3.0", "builderFlags": ["--int8"]},
                 "target": {"hardware": "NVIDIA DRIVE AGX Orin", "platform": "DRIVE OS 6.0.10"}}""", Map.of());
        assertThat(recipe.status()).as(recipe.toString()).isEqualTo(200);
        byte[] fp32 = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("evidence/front-camera-object-detector/4.2.0/fcod-fp32.onnx"));
        assertThat(api().upload(Login.CI, "api/releases/" + release + "/artifacts/model.onnx?kind=ONNX_MODEL&sha256="
                + EvidenceScenarios.sha256(fp32), fp32).status()).isEqualTo(201);

        JsonObject before = api().get(Login.AUDITOR, "api/releases/" + release + "/cross-check").json();
        assertThat(before.getBoolean("consistent")).isFalse();
        assertThat(before.getJsonArray("findings").stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("severity").equals("ERROR")).map(f -> f.getString("code")))
                .containsExactlyInAnyOrder("ptq-without-calibration-cache", "calibration-set-unverified");

        byte[] cache = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("evidence/front-camera-object-detector/4.2.0-int8.1/calibration.cache"));
        assertThat(api().upload(Login.CI, "api/releases/" + release + "/artifacts/calibration.cache?kind=CALIBRATION_CACHE"
                + "&sha256=" + EvidenceScenarios.sha256(cache), cache).status()).isEqualTo(201);
        JsonObject after = api().get(Login.AUDITOR, "api/releases/" + release + "/cross-check").json();
        assertThat(after.getJsonArray("findings").stream().map(f -> f.asJsonObject().getString("code")))
                .doesNotContain("ptq-without-calibration-cache").contains("calibration-set-unverified");
        assertThat(after.getBoolean("consistent")).as("no evidence names the calibration set yet").isFalse();
    }
}
