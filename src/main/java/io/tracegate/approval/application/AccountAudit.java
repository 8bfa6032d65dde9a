package io.tracegate.approval.application;

import io.tracegate.platform.security.AccessRefused;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Records what happens to accounts, tokens and logins in the audit trail (joining the caller's
 * transaction), and security refusals such as failed CSRF checks. Until an audit trail implementation
 * is deployed, the events go to the server log only.
 */
@ApplicationScoped
public class AccountAudit {

    private static final Logger LOG = Logger.getLogger(AccountAudit.class.getName());

    @Inject
    Instance<AuditTrail> trail;

    void record(String actor, String action, String subjectType, String subjectId, String before, String after,
                String reason) {
        AuditEntry entry = new AuditEntry(actor, action, subjectType, subjectId, before, after, reason);
        if (trail.isResolvable()) {
            trail.get().record(entry);
        } else {
            LOG.info(() -> "audit: " + entry);
        }
    }

    void refused(@Observes AccessRefused refused) {
        LOG.warning(() -> "Refused " + refused.request() + " of " + refused.actor() + " (" + refused.reason() + "): "
                + refused.detail());
        record(refused.actor(), "security." + refused.reason() + "-refused", "request", refused.request(), null, null,
                refused.detail());
    }
}
