package io.tracegate.release.interfaces;

import io.tracegate.release.domain.Precision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON bodies the release resources accept. Each record is both the list of fields the resource allows
 * ({@code allowOnly(NewModel.class)}) and the schema the OpenAPI document shows for that body.
 */
public final class ReleaseRequests {

    private ReleaseRequests() {
    }

    /** {@code POST /api/models}. */
    public record NewModel(@Schema(required = true, example = "front-camera-object-detector") String name,
                           String description) {
    }

    /** {@code POST /api/models/{name}/releases}: a DRAFT release; {@code version} is SemVer. */
    public record NewRelease(@Schema(required = true, example = "4.3.0-int8.1") String version, String description,
                             Long referenceReleaseId) {
    }

    /** {@code PUT /api/releases/{id}/recipe} (rules: README, Recipe rules); read back as {@link RecipeView}. */
    public record Recipe(@Schema(required = true) Precision precision,
                         @Schema(required = true) RecipeView.Quantization quantization, RecipeView.Pruning pruning,
                         Teacher distillation, @Schema(required = true) RecipeView.TensorRt tensorRt,
                         @Schema(required = true) RecipeView.Target target) {
    }

    /** The teacher of a distilled release. */
    public record Teacher(Long teacherReleaseId) {
    }
}
