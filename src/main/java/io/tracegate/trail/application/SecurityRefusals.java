package io.tracegate.trail.application;

import io.tracegate.platform.security.AccessRefused;
import io.tracegate.platform.security.LoginFailed;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Records the refusals that the edges of the application report as events: refused logins
 * ({@code login.failed}, subject the account tried) and requests refused for a security reason
 * ({@code security.<reason>-refused}, subject the request). Each joins the caller's transaction, or has one
 * of its own when the caller has none.
 */
@ApplicationScoped
public class SecurityRefusals {

    private static final Logger LOG = Logger.getLogger(SecurityRefusals.class.getName());

    @Inject
    AuditTrail trail;

    void loginFailed(@Observes LoginFailed failed) {
        trail.record(new AuditEntry(failed.name(), "login.failed", "account", failed.name(), null, null,
                failed.why() + " (from " + failed.address() + ")"));
    }

    void refused(@Observes AccessRefused refused) {
        LOG.warning(() -> "Refused " + refused.request() + " of " + refused.actor() + " (" + refused.reason() + "): "
                + refused.detail());
        trail.record(new AuditEntry(refused.actor(), "security." + refused.reason() + "-refused", "request",
                refused.request(), null, null, refused.detail()));
    }
}
