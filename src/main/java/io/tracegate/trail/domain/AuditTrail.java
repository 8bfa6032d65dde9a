package io.tracegate.trail.domain;

/**
 * The append-only audit trail. {@link #record} joins the caller's transaction, so a change and its event
 * commit together or not at all; called outside a transaction (e.g. a refused login) it commits alone.
 */
public interface AuditTrail {

    void record(AuditEntry entry);
}
