package io.tracegate.trail.domain;

import java.util.List;
import java.util.Optional;

/** The recorded events, for reading: appending is {@link AuditTrail}'s alone. */
public interface AuditEvents {

    /** Events matching the filter, oldest first. */
    List<AuditEvent> page(AuditFilter filter, int offset, int limit);

    long count(AuditFilter filter);

    /** Up to {@code max} events with {@code after < seq <= upTo}, in seq order: a keyset page for streaming. */
    List<AuditEvent> range(long after, long upTo, int max);

    /** The head as recorded now (not locked). */
    ChainHead head();

    /** The first event with a seq beyond the head, read in one statement with the head: none normally. */
    Optional<Long> firstBeyondHead();
}
