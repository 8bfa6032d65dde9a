package io.tracegate.audit.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of audit packages, their jobs and their verification, for the OpenAPI document. */
public final class AuditApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                PackageView.class,
                PackageJobView.class,
                PackageVerificationResource.VerificationView.class);
    }
}
