package io.tracegate.trail.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes {@link AuditJson} writes, for the OpenAPI document: the audit JSON is built field by field (in the
 * canonical order, nulls written out) rather than from records, so these records only describe it;
 * {@code AuditSchemasTest} checks that they name the same fields {@link AuditJson} writes.
 */
public final class AuditSchemas {

    private AuditSchemas() {
    }

    /** One audit event; {@code occurredAt} is the UTC time exactly as hashed; every field is written, null or not. */
    @Schema(requiredProperties = {"seq", "occurredAt", "actor", "action", "subjectType", "subjectId", "before", "after",
            "reason", "previousHash", "hash"})
    public record AuditEventView(long seq, String occurredAt, @Schema(nullable = true) String actor,
                                 @Schema(nullable = true) String action, @Schema(nullable = true) String subjectType,
                                 @Schema(nullable = true) String subjectId, @Schema(nullable = true) String before,
                                 @Schema(nullable = true) String after, @Schema(nullable = true) String reason,
                                 @Schema(nullable = true) String previousHash, @Schema(nullable = true) String hash) {
    }

    /** {@code GET /api/audit/verify}. */
    @Schema(requiredProperties = {"valid", "events", "head", "firstBroken"})
    public record ChainVerificationView(boolean valid, long events, String head,
                                        @Schema(nullable = true) BrokenLink firstBroken) {
    }

    /** The first event whose hash or link does not hold. */
    @Schema(requiredProperties = {"seq", "problem", "detail"})
    public record BrokenLink(long seq, String problem, String detail) {
    }
}
