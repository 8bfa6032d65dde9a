package io.tracegate.trail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded event of the trail: an {@link AuditEntry} with its place in the chain (gapless
 * {@code seq}), its UTC time (microseconds), its predecessor's hash and its own hash. Never changed once
 * written: every column is insert-only, and on PostgreSQL a trigger refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(name = "seq", updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = AuditValues.MAX_ACTOR)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = AuditValues.MAX_ACTION)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false, length = AuditValues.MAX_SUBJECT_TYPE)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false, length = AuditValues.MAX_SUBJECT_ID)
    private String subjectId;

    @Column(name = "before_value", updatable = false, length = AuditValues.MAX_VALUE)
    private String before;

    @Column(name = "after_value", updatable = false, length = AuditValues.MAX_VALUE)
    private String after;

    @Column(name = "reason", updatable = false, length = AuditValues.MAX_VALUE)
    private String reason;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(name = "hash", nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    private AuditEvent(long seq, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                       String before, String after, String reason, String previousHash, String hash) {
        this.seq = seq;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.before = before;
        this.after = after;
        this.reason = reason;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    /**
     * The event that follows {@code head}: the next seq, the time truncated to microseconds, every text
     * {@linkplain AuditValues#bounded bounded}, and the hash over all of it.
     */
    public static AuditEvent following(ChainHead head, Instant at, AuditEntry entry) {
        long seq = head.seq() + 1;
        Instant time = AuditChain.truncate(at);
        String actor = AuditValues.bounded(entry.actor(), AuditValues.MAX_ACTOR);
        String action = AuditValues.bounded(entry.action(), AuditValues.MAX_ACTION);
        String subjectType = AuditValues.bounded(entry.subjectType(), AuditValues.MAX_SUBJECT_TYPE);
        String subjectId = AuditValues.bounded(entry.subjectId(), AuditValues.MAX_SUBJECT_ID);
        String before = AuditValues.bounded(entry.before(), AuditValues.MAX_VALUE);
        String after = AuditValues.bounded(entry.after(), AuditValues.MAX_VALUE);
        String reason = AuditValues.bounded(entry.reason(), AuditValues.MAX_VALUE);
        String hash = AuditChain.hash(seq, AuditChain.formatTime(time), actor, action, subjectType, subjectId,
                before, after, reason, head.hash());
        return new AuditEvent(seq, time, actor, action, subjectType, subjectId, before, after, reason, head.hash(), hash);
    }

    /**
     * An event as stored or exported, hash included, whether or not it is right: for reading exports and
     * for tests that tamper with a chain. Verification decides whether it holds.
     */
    public static AuditEvent stored(long seq, Instant occurredAt, String actor, String action, String subjectType,
                                    String subjectId, String before, String after, String reason,
                                    String previousHash, String hash) {
        return new AuditEvent(seq, occurredAt, actor, action, subjectType, subjectId, before, after, reason,
                previousHash, hash);
    }

    /** What this event's hash must be, recomputed from its content. */
    public String computedHash() {
        return AuditChain.hash(seq, AuditChain.formatTime(occurredAt), actor, action, subjectType, subjectId, before,
                after, reason, previousHash);
    }

    /** The chain's end once this event is appended. */
    public ChainHead asHead() {
        return new ChainHead(seq, hash);
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** {@link #occurredAt} as hashed and exported: ISO-8601 UTC with six fraction digits. */
    public String occurredAtText() {
        return AuditChain.formatTime(occurredAt);
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }

    public String reason() {
        return reason;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "#" + seq + " " + occurredAtText() + " " + actor + " " + action + " " + subjectType + "/" + subjectId;
    }
}
