package io.tracegate.release.interfaces;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.release.application.RecipeDraft;
import io.tracegate.release.domain.CalibrationDataset;
import io.tracegate.release.domain.Precision;
import io.tracegate.release.domain.Pruning;
import io.tracegate.release.domain.QuantizationMethod;
import io.tracegate.release.domain.TargetPlatform;
import io.tracegate.release.domain.TensorRtBuild;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipeJsonTest {

    private static final String SHA = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

    /** The example of RecipeJson's javadoc, with real values in place of the ellipses. */
    private static final String EXAMPLE = """
            { "precision": "INT8",
              "quantization": { "method": "PTQ", "calibrator": "entropy2",
                                "calibrationDataset": { "name": "nuscenes-calib", "sampleCount": 1024, "sha256": "%s" } },
              "pruning": { "method": "2:4-structured", "sparsity": 0.5 },
              "distillation": { "teacherReleaseId": 7 },
              "tensorRt": { "version": "10.3.0", "builderFlags": ["--int8", "--fp16"] },
              "target": { "hardware": "NVIDIA DRIVE AGX Orin", "platform": "DRIVE OS 6.0.10" } }
            """.formatted(SHA);

    @Test
    void readsTheFullExampleOfTheDocumentation() {
        RecipeDraft draft = RecipeJson.read(fields(EXAMPLE));

        assertThat(draft).isEqualTo(new RecipeDraft(Precision.INT8, QuantizationMethod.PTQ, "entropy2",
                new CalibrationDataset("nuscenes-calib", 1024, new Sha256(SHA)),
                new Pruning("2:4-structured", 0.5), 7L,
                new TensorRtBuild("10.3.0", List.of("--int8", "--fp16")),
                new TargetPlatform("NVIDIA DRIVE AGX Orin", "DRIVE OS 6.0.10")));
    }

    @Test
    void readsAMinimalRecipeLeavingOptionalPartsEmpty() {
        RecipeDraft draft = RecipeJson.read(fields("""
                { "precision": "FP32", "quantization": { "method": "NONE" },
                  "tensorRt": { "version": "10.3.0" }, "target": { "hardware": "Orin" } }
                """));

        assertThat(draft.calibrator()).isNull();
        assertThat(draft.calibrationDataset()).isNull();
        assertThat(draft.pruning()).isNull();
        assertThat(draft.teacherReleaseId()).isNull();
        assertThat(draft.tensorRt().builderFlags()).isEmpty();
        assertThat(draft.target().platform()).isNull();
    }

    @Test
    void aBadCalibrationHashIsNamedByItsJsonPath() {
        assertRefused(edit(q -> q.add("quantization", Json.createObjectBuilder(example().getJsonObject("quantization"))
                        .add("calibrationDataset", Json.createObjectBuilder(calibration()).add("sha256", "not-a-hash")))),
                "quantization.calibrationDataset.sha256");
    }

    @Test
    void aMissingTargetHardwareIsNamedByItsJsonPath() {
        assertRefused(edit(b -> b.add("target", Json.createObjectBuilder().add("platform", "DRIVE OS 6.0.10"))),
                "target.hardware");
    }

    @Test
    void anUnknownNestedFieldIsNamedByItsJsonPath() {
        assertRefused(edit(b -> b.add("tensorRt", Json.createObjectBuilder(example().getJsonObject("tensorRt"))
                .add("flags", Json.createArrayBuilder().add("--int8")))), "tensorRt.flags");
    }

    @Test
    void anUnknownTopLevelFieldIsRefused() {
        assertRefused(edit(b -> b.add("precission", "INT8")), "precission");
    }

    @Test
    void anUnknownFieldOfTheCalibrationDatasetIsNamedByItsJsonPath() {
        assertRefused(edit(q -> q.add("quantization", Json.createObjectBuilder(example().getJsonObject("quantization"))
                        .add("calibrationDataset", Json.createObjectBuilder(calibration()).add("path", "/data")))),
                "quantization.calibrationDataset.path");
    }

    @Test
    void anUnknownPrecisionListsTheAllowedOnes() {
        InvalidInput refused = assertRefused(edit(b -> b.add("precision", "FP8")), "precision");

        assertThat(refused.getMessage()).contains("[FP32, FP16, INT8, MIXED]");
    }

    @Test
    void missingQuantizationAndTensorRtAreNamed() {
        assertRefused(edit(b -> b.remove("quantization")), "quantization");
        assertRefused(edit(b -> b.remove("tensorRt")), "tensorRt");
        assertRefused(edit(b -> b.remove("target")), "target");
    }

    @Test
    void wrongTypesAreNamedByTheirJsonPaths() {
        assertRefused(edit(b -> b.add("pruning", Json.createObjectBuilder().add("method", "unstructured")
                .add("sparsity", "half"))), "pruning.sparsity");
        assertRefused(edit(b -> b.add("distillation", Json.createObjectBuilder().add("teacherReleaseId", "7"))),
                "distillation.teacherReleaseId");
        assertRefused(edit(b -> b.add("tensorRt", Json.createObjectBuilder().add("version", "10.3.0")
                .add("builderFlags", Json.createArrayBuilder().add("--int8").add(true)))), "tensorRt.builderFlags[1]");
        assertRefused(edit(q -> q.add("quantization", Json.createObjectBuilder(example().getJsonObject("quantization"))
                        .add("calibrationDataset", Json.createObjectBuilder(calibration()).add("sampleCount", 10.5)))),
                "quantization.calibrationDataset.sampleCount");
    }

    @Test
    void domainRulesOnPartsReportJsonPaths() {
        assertRefused(edit(b -> b.add("pruning", Json.createObjectBuilder().add("method", "unstructured")
                .add("sparsity", 1.0))), "pruning.sparsity");
        assertRefused(edit(b -> b.add("tensorRt", Json.createObjectBuilder().add("version", "ten"))),
                "tensorRt.version");
        assertRefused(edit(b -> b.add("tensorRt", Json.createObjectBuilder().add("version", "10.3.0")
                .add("builderFlags", Json.createArrayBuilder().add("--int8").add("--save Engine")))),
                "tensorRt.builderFlags[1]");
    }

    private static InvalidInput assertRefused(JsonObject body, String field) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RecipeJson.read(new JsonFields(body, "")));
        assertThat(thrown).isInstanceOf(InvalidInput.class);
        InvalidInput refused = (InvalidInput) thrown;
        assertThat(refused.field()).isEqualTo(field);
        return refused;
    }

    private static JsonObject edit(UnaryOperator<JsonObjectBuilder> change) {
        return change.apply(Json.createObjectBuilder(example())).build();
    }

    private static JsonObject calibration() {
        return example().getJsonObject("quantization").getJsonObject("calibrationDataset");
    }

    private static JsonObject example() {
        try (JsonReader reader = Json.createReader(new StringReader(EXAMPLE))) {
            return reader.readObject();
        }
    }

    private static JsonFields fields(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return new JsonFields(reader.readObject(), "");
        }
    }
}
