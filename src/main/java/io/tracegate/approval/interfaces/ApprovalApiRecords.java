package io.tracegate.approval.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of the release review (manifest, transitions, signatures, waivers), for the OpenAPI document. */
public final class ApprovalApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                ReviewRequests.Transition.class,
                ReviewRequests.ChallengeRequest.class,
                ReviewRequests.SignatureRequest.class,
                ReviewRequests.WaiverRequest.class,
                ApprovalResource.ApprovalView.class,
                ApprovalResource.ManifestView.class,
                ApprovalResource.StatusView.class,
                ApprovalResource.SignatureView.class,
                ApprovalResource.WaiverView.class,
                ApprovalResource.ChallengeView.class);
    }
}
