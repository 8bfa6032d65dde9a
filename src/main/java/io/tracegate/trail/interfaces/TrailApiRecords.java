package io.tracegate.trail.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of {@code /api/audit}, for the OpenAPI document. */
public final class TrailApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                AuditSchemas.AuditEventView.class,
                AuditSchemas.ChainVerificationView.class);
    }
}
