package io.tracegate.trail.domain;

import java.time.Instant;

/**
 * One audit event as the package shows it.
 *
 * @param subject e.g. {@code release/2}, {@code evidence/17}
 */
public record HistoryEvent(long seq, Instant at, String actor, String action, String subject, String before,
                           String after, String reason, String hash) {
}
