package io.tracegate.release.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of models, releases, recipes and artifacts, for the OpenAPI document. */
public final class ReleaseApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                ReleaseRequests.NewModel.class,
                ReleaseRequests.NewRelease.class,
                ReleaseRequests.Recipe.class,
                ModelView.class,
                ReleaseView.class,
                RecipeView.class,
                ArtifactView.class);
    }
}
