package io.tracegate.trail.domain;

import java.util.Objects;

/**
 * One change worth recording, as the code that made it describes it: who, what (an action such as
 * {@code release.transition}), on which subject ({@code release}, {@code 42}), the old and new value
 * (short text, e.g. {@code DRAFT} → {@code IN_REVIEW}, or a digest of a larger value) and the reason.
 * The trail adds the time and the chain hash.
 *
 * @param before absent for creations
 * @param after  absent for deletions (which Tracegate does not do) and pure reads (downloads)
 * @param reason absent when the action needs none
 */
public record AuditEntry(String actor, String action, String subjectType, String subjectId, String before,
                         String after, String reason) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
