package io.tracegate.evidence.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of evidence, its reviews, the trace, the cross-check and the regression, for the OpenAPI document. */
public final class EvidenceApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                NewReview.class,
                EvidenceView.class,
                EvidenceResource.MetricView.class,
                EvidenceResource.TestView.class,
                EvidenceResource.ReviewView.class,
                CrossCheckResource.CrossCheckView.class,
                TraceView.class,
                RegressionResource.RegressionView.class);
    }
}
