package io.tracegate.trail.infrastructure;

import io.tracegate.trail.domain.AuditChain;

import java.time.Instant;

/**
 * The audit trail's event hash for rows the package reads with native SQL: the trail's own
 * {@link AuditChain} defines it, so the two can never disagree.
 */
final class AuditEventHash {

    static final String GENESIS = AuditChain.GENESIS_HASH;

    private AuditEventHash() {
    }

    static String of(long seq, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                     String before, String after, String reason, String previousHash) {
        return AuditChain.hash(seq, AuditChain.formatTime(AuditChain.truncate(occurredAt)), actor, action, subjectType,
                subjectId, before, after, reason, previousHash);
    }
}
