package io.tracegate.requirement.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of requirement baselines, for the OpenAPI document. */
public final class RequirementApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                BaselineRequests.GitImport.class,
                BaselineRequests.BaselineChoice.class,
                BaselineViews.BaselineSummary.class,
                BaselineViews.BaselineDetail.class,
                BaselineViews.DiffView.class,
                BaselineViews.RequirementView.class,
                BaselineViews.LinkView.class);
    }
}
