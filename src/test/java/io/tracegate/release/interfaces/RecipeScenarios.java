package io.tracegate.release.interfaces;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Attaching and reading the optimization recipe of a release. */
public interface RecipeScenarios extends ApiScenarios {

    @Test
    default void anInt8PtqRecipeIsStoredAndReadBackAsSent() {
        long release = Requests.newRelease(api());
        Reply put = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", Requests.int8Recipe(), Map.of());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        JsonObject recipe = api().get(Login.SAFETY_ENGINEER, "api/releases/" + release + "/recipe").json();
        assertThat(recipe.getString("precision")).isEqualTo("INT8");
        JsonObject quantization = recipe.getJsonObject("quantization");
        assertThat(quantization.getString("method")).isEqualTo("PTQ");
        assertThat(quantization.getString("calibrator")).isEqualTo("entropy2");
        assertThat(quantization.getJsonObject("calibrationDataset").getInt("sampleCount")).isEqualTo(1024);
        assertThat(recipe.getJsonObject("pruning").getJsonNumber("sparsity").doubleValue()).isEqualTo(0.5);
        assertThat(recipe.getJsonObject("tensorRt").getJsonArray("builderFlags").getString(1)).isEqualTo("--fp16");
        assertThat(recipe.getJsonObject("target").getString("hardware")).isEqualTo("NVIDIA DRIVE AGX Orin");
        assertThat(recipe.getString("updatedBy")).isEqualTo("mira");
    }

    @Test
    default void aDistillationTeacherIsLinkedByReleaseId() {
        long teacher = Requests.newRelease(api());
        long student = Requests.newRelease(api());
        String recipe = Requests.int8Recipe().replace("\"pruning\"", "\"distillation\": {\"teacherReleaseId\": " + teacher
                + "}, \"pruning\"");
        Reply put = api().put(Login.ML_ENGINEER, "api/releases/" + student + "/recipe", recipe, Map.of());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().getJsonObject("distillation").getJsonNumber("teacherReleaseId").longValue()).isEqualTo(teacher);
    }

    @Test
    default void anIncoherentRecipeIsRefusedNamingTheField() {
        long release = Requests.newRelease(api());
        String noCalibration = Requests.int8Recipe().replaceAll(",\\s*\"calibrationDataset\": \\{[^}]*\\}", "");
        Reply refused = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", noCalibration, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("quantization.calibrationDataset");

        Reply unknownPrecision = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe",
                Requests.int8Recipe().replace("\"INT8\"", "\"INT4\""), Map.of());
        assertThat(unknownPrecision.status()).isEqualTo(400);
        assertThat(unknownPrecision.json().getString("field")).isEqualTo("precision");
        assertThat(unknownPrecision.json().getString("detail")).contains("INT4", "FP16", "INT8");

        Reply badHash = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe",
                Requests.int8Recipe().replace(Requests.CALIBRATION_SHA, "abc"), Map.of());
        assertThat(badHash.json().getString("field")).isEqualTo("quantization.calibrationDataset.sha256");

        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/recipe").status())
                .as("a refused recipe leaves none behind").isEqualTo(404);
    }

    @Test
    default void aStaleIfMatchIsRefusedAndTheCurrentEtagIsAccepted() {
        long release = Requests.newRelease(api());
        String etag = api().get(Login.ML_ENGINEER, "api/releases/" + release).header("ETag");
        Reply first = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", Requests.int8Recipe(),
                Map.of("If-Match", etag));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);

        Reply stale = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", Requests.int8Recipe(),
                Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().getString("field")).isEqualTo("If-Match");
    }

    @Test
    default void aStarIfMatchTakesAnyVersionAndAWeakOneIsRefusedNamingTheHeader() {
        long release = Requests.newRelease(api());
        Reply any = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", Requests.int8Recipe(),
                Map.of("If-Match", "*"));
        assertThat(any.status()).as(any.toString()).isEqualTo(200);

        String etag = any.header("ETag");
        Reply weak = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/recipe", Requests.int8Recipe(),
                Map.of("If-Match", "W/" + etag));
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(weak.json().getString("field")).isEqualTo("If-Match");
    }
}
