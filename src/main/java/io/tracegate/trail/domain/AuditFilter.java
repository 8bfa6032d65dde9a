package io.tracegate.trail.domain;

/** Which events to list; a null field matches every event. */
public record AuditFilter(String subjectType, String subjectId, String action) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null);
}
