package io.tracegate.identity.application;

import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records what happens to accounts and tokens in the audit trail, joining the caller's transaction.
 * Refused logins are told as events, which the trail records itself.
 */
@ApplicationScoped
public class AccountAudit {

    @Inject
    AuditTrail trail;

    void record(String actor, String action, String subjectType, String subjectId, String before, String after,
                String reason) {
        trail.record(new AuditEntry(actor, action, subjectType, subjectId, before, after, reason));
    }
}
