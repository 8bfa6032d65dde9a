package io.tracegate.trail.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds chains for tests, and the edits a DBA could make to them. */
public final class Chains {

    public static final Instant START = Instant.parse("2026-11-25T14:03:07.123456789Z");

    private Chains() {
    }

    /** A valid chain of {@code n} events, one second apart. */
    public static List<AuditEvent> of(int n) {
        List<AuditEvent> events = new ArrayList<>();
        ChainHead head = ChainHead.EMPTY;
        for (int i = 1; i <= n; i++) {
            AuditEvent event = AuditEvent.following(head, START.plusSeconds(i),
                    new AuditEntry("user" + (i % 3), "release.transition", "release", Integer.toString(40 + i % 4),
                            i == 1 ? null : "DRAFT", "IN_REVIEW", i % 2 == 0 ? "ready for review " + i : null));
            events.add(event);
            head = event.asHead();
        }
        return events;
    }

    public static ChainHead headOf(List<AuditEvent> events) {
        return events.isEmpty() ? ChainHead.EMPTY : events.get(events.size() - 1).asHead();
    }

    /** The event with other values but the same seq, time, links and (now wrong) hash. */
    public static AuditEvent withAfter(AuditEvent e, String after) {
        return AuditEvent.stored(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                e.before(), after, e.reason(), e.previousHash(), e.hash());
    }

    /** The event with another seq, keeping its content and hash. */
    public static AuditEvent withSeq(AuditEvent e, long seq) {
        return AuditEvent.stored(seq, e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                e.before(), e.after(), e.reason(), e.previousHash(), e.hash());
    }

    /** The event with its hash recomputed, as a forger who knows the scheme would. */
    public static AuditEvent rehashed(AuditEvent e, long seq, String previousHash) {
        AuditEvent unhashed = AuditEvent.stored(seq, e.occurredAt(), e.actor(), e.action(), e.subjectType(),
                e.subjectId(), e.before(), e.after(), e.reason(), previousHash, "");
        return AuditEvent.stored(seq, e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                e.before(), e.after(), e.reason(), previousHash, unhashed.computedHash());
    }
}
