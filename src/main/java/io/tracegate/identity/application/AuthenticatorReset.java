package io.tracegate.identity.application;

import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningFactors;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Resetting someone's authenticator (a lost phone) takes two different people: an administrator or safety
 * manager requests it, and another one confirms it; neither may be the account's owner. Each proves who they are
 * with their own password and authenticator code, so an administrator who reset someone's password cannot play
 * the second person. After the reset the owner enrols again. Both steps are audit events.
 */
@Stateless
public class AuthenticatorReset {

    @Inject
    SigningFactors factors;

    @Inject
    UserAccounts accounts;

    @Inject
    SignerAttestation attestation;

    @Inject
    AccountAudit audit;

    @Resource
    SessionContext caller;

    @RolesAllowed({ADMIN, SAFETY_MANAGER})
    public SigningFactor request(String username, String reason, char[] password, String code) {
        String me = me();
        if (reason == null || reason.strip().length() < 10) {
            throw new InvalidInput("reason", "say why the authenticator is reset (at least 10 characters)");
        }
        SigningFactor factor = existing(username);
        prove(me, password, code);
        factor.requestReset(me, reason.strip(), Instant.now());
        audit.record(me, "authenticator.reset-requested", "user", username, factor.state().name(), null, reason.strip());
        return factor;
    }

    @RolesAllowed({ADMIN, SAFETY_MANAGER})
    public void confirm(String username, char[] password, String code) {
        String me = me();
        SigningFactor factor = existing(username);
        factor.ensureConfirmableBy(me);
        prove(me, password, code);
        String requestedBy = factor.resetRequestedBy().orElseThrow();
        String reason = factor.resetReason().orElse("");
        factors.remove(factor);
        audit.record(me, "authenticator.reset", "user", username, factor.state().name(), "none",
                "requested by " + requestedBy + " (" + reason + "), confirmed by " + me);
    }

    /** The caller's own two components; refused as it would be at signing (token, lock, no authenticator, wrong). */
    private void prove(String me, char[] password, String code) {
        attestation.barrier(me).or(() -> attestation.verify(me, password, code)).ifPresent(refusal -> {
            throw refusal.failure();
        });
    }

    private SigningFactor existing(String username) {
        accounts.named(username).orElseThrow(() -> new NoSuchEntity("user", username));
        return factors.ofLocked(username).orElseThrow(() -> new NoSuchEntity("authenticator of", username));
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
