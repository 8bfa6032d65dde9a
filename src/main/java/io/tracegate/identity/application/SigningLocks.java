package io.tracegate.identity.application;

import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.identity.domain.SigningLockouts;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import static io.tracegate.platform.security.Roles.ADMIN;

/**
 * An administrator releases the signing lock of an account (after repeated failed signing attempts), with a
 * reason, as an audit event. Releasing gives the administrator nothing: signing still takes the owner's password
 * and authenticator.
 */
@Stateless
public class SigningLocks {

    @Inject
    SigningLockouts lockouts;

    @Inject
    UserAccounts accounts;

    @Inject
    AccountAudit audit;

    @Resource
    SessionContext caller;

    @RolesAllowed(ADMIN)
    public SigningLockout release(String username, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "say why signing is unlocked (e.g. who confirmed the failed attempts)");
        }
        accounts.named(username).orElseThrow(() -> new NoSuchEntity("user", username));
        SigningLockout lockout = lockouts.ofLocked(username);
        String before = lockout.isLocked() ? "locked since " + lockout.lockedAt().orElseThrow() + " after "
                + lockout.failures() + " failures" : lockout.failures() + " failures, not locked";
        lockout.release();
        audit.record(caller.getCallerPrincipal().getName(), "signing.unlock", "user", username, before, "unlocked",
                reason.strip());
        return lockout;
    }
}
