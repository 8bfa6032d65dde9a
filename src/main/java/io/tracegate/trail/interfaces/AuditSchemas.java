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

    /** One audit event; {@code occurredAt} is the UTC time exactly as hashed. */
    public record AuditEventView(long seq, String occurredAt, String actor, String action, String subjectType,
                                 String subjectId, String before, String after, String reason, String previousHash,
                                 String hash) {
    }

    /** {@code GET /api/audit/verify}. */
    public record ChainVerificationView(boolean valid, long events, String head,
                                        @Schema(nullable = true) BrokenLink firstBroken) {
    }

    /** The first event whose hash or link does not hold. */
    public record BrokenLink(long seq, String problem, String detail) {
    }
}
