package io.tracegate.evidence.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/releases/{id}/evidence/{evidenceId}/reviews}: the fields the resource allows
 * ({@code allowOnly(NewReview.class)}) and the schema the OpenAPI document shows.
 */
public record NewReview(@Schema(required = true, enumeration = {"ACCEPTED", "REJECTED"}) String decision,
                        String comment) {
}
