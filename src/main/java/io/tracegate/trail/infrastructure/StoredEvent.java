package io.tracegate.trail.infrastructure;

import io.tracegate.trail.domain.HistoryEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One audit_event row as a native query returns it. */
record StoredEvent(long seq, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                   String before, String after, String reason, String previousHash, String hash) {

    static final String COLUMNS = "seq, occurred_at, actor, action, subject_type, subject_id, before_value, "
            + "after_value, reason, previous_hash, hash";

    static StoredEvent of(Object[] row) {
        return new StoredEvent(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                trimmed(row[9]), trimmed(row[10]));
    }

    /** PostgreSQL's driver hands out Timestamps, H2's OffsetDateTimes. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        throw new IllegalStateException("unexpected time type " + (value == null ? "null" : value.getClass()));
    }

    private static String trimmed(Object value) {
        return value == null ? null : value.toString().trim();
    }

    String computedHash() {
        return AuditEventHash.of(seq, occurredAt, actor, action, subjectType, subjectId, before, after, reason,
                previousHash);
    }

    HistoryEvent toHistory() {
        return new HistoryEvent(seq, occurredAt, actor, action, subjectType + "/" + subjectId, before, after, reason, hash);
    }
}
