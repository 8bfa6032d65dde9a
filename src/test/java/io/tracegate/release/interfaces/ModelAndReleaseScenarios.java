package io.tracegate.release.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering models and opening releases through the REST API. */
public interface ModelAndReleaseScenarios extends ApiScenarios {

    @Test
    default void aRegisteredModelCanBeReadBackAndListed() {
        String name = Api.unique("lidar-segmenter");
        Reply created = api().post(Login.ML_ENGINEER, "api/models",
                "{\"name\": \"" + name + "\", \"description\": \"Lidar point-cloud segmentation\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/models/" + name);

        JsonObject read = api().get(Login.AUDITOR, "api/models/" + name).json();
        assertThat(read.getString("name")).isEqualTo(name);
        assertThat(read.getString("description")).isEqualTo("Lidar point-cloud segmentation");
        assertThat(read.getString("createdBy")).isEqualTo("mira");

        JsonObject page = api().get(Login.AUDITOR, "api/models?limit=500").json();
        assertThat(page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("name"))).contains(name);
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(2);
    }

    @Test
    default void aDuplicateModelNameIsAConflict() {
        String name = Requests.newModel(api());
        Reply again = api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + name + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("field")).isEqualTo("name");
    }

    @Test
    default void aReleaseOpensAsDraftWithItsReferenceRelease() {
        String model = Requests.newModel(api());
        Reply reference = api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases",
                "{\"version\": \"3.0.0\", \"description\": \"FP32 reference\"}");
        long referenceId = reference.json().getJsonNumber("id").longValue();

        Reply int8 = api().post(Login.CI, "api/models/" + model + "/releases",
                "{\"version\": \"3.0.0-int8.1\", \"referenceReleaseId\": " + referenceId + "}");
        assertThat(int8.status()).as(int8.toString()).isEqualTo(201);
        JsonObject body = int8.json();
        assertThat(body.getString("status")).isEqualTo("DRAFT");
        assertThat(body.getJsonNumber("referenceReleaseId").longValue()).isEqualTo(referenceId);
        assertThat(body.getString("referenceRelease")).isEqualTo(model + "@3.0.0");
        assertThat(int8.header("ETag")).isNotBlank();

        JsonObject list = api().get(Login.SAFETY_ENGINEER, "api/models/" + model + "/releases").json();
        assertThat(list.getInt("total")).isEqualTo(2);
        assertThat(list.getJsonArray("items").getJsonObject(0).getString("version")).isEqualTo("3.0.0-int8.1");
    }

    @Test
    default void aReferenceReleaseOfAnotherModelIsRefused() {
        long foreign = Requests.newRelease(api());
        String model = Requests.newModel(api());
        Reply refused = api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases",
                "{\"version\": \"1.0.0\", \"referenceReleaseId\": " + foreign + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("referenceReleaseId");
    }

    @Test
    default void aDuplicateVersionIsAConflictAndABadVersionNamesTheField() {
        String model = Requests.newModel(api());
        assertThat(api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"2.0.0\"}").status())
                .isEqualTo(201);
        Reply duplicate = api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"2.0.0\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        Reply bad = api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"v2\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("field")).isEqualTo("version");
    }

    @Test
    default void unknownModelsAndReleasesAreNotFound() {
        assertThat(api().get(Login.AUDITOR, "api/models/no-such-model").status()).isEqualTo(404);
        assertThat(api().get(Login.AUDITOR, "api/models/no-such-model/releases").status()).isEqualTo(404);
        Reply release = api().get(Login.AUDITOR, "api/releases/987654321");
        assertThat(release.status()).isEqualTo(404);
        assertThat(release.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    default void theDemoProjectIsLoadedWithItsInt8ReleaseAndRecipe() {
        JsonObject releases = api().get(Login.AUDITOR, "api/models/front-camera-object-detector/releases").json();
        JsonObject int8 = releases.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("version").equals("4.2.0-int8.1")).findFirst().orElseThrow();
        assertThat(int8.getString("referenceRelease")).isEqualTo("front-camera-object-detector@4.2.0");
        JsonObject recipe = int8.getJsonObject("recipe");
        assertThat(recipe.getString("precision")).isEqualTo("INT8");
        assertThat(recipe.getJsonObject("quantization").getJsonObject("calibrationDataset").getString("sha256"))
                .isEqualTo(Requests.CALIBRATION_SHA);
        long baselineId = int8.getJsonNumber("baselineId").longValue();
        JsonObject baseline = api().get(Login.AUDITOR, "api/baselines/" + baselineId).json();
        assertThat(baseline.getJsonObject("baseline").getInt("requirements")).isBetween(30, 60);
        assertThat(baseline.getJsonObject("baseline").getJsonObject("source").getString("kind")).isEqualTo("FILES");
        Reply artifacts = api().get(Login.AUDITOR, "api/releases/" + int8.getJsonNumber("id") + "/artifacts");
        assertThat(artifacts.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("kind")))
                .contains("CALIBRATION_CACHE");
    }
}
