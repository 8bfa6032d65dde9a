package io.tracegate.identity.application;

import io.tracegate.identity.domain.UserAccount;
import io.tracegate.platform.security.CallerAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * What electronic signatures need from accounts (21 CFR Part 11 §11.50, §11.100, §11.200). A stable API
 * for the signing code: add methods, do not change these.
 * <ul>
 *   <li>{@link #verify}: the signer re-enters their password at signing; checked against the stored
 *   PBKDF2 hash of an <em>active</em> account, without creating a session and without any cache.</li>
 *   <li>{@link #printedName}: the name a signature shows, also for deactivated accounts (their
 *   signatures stay attributable).</li>
 *   <li>{@link #viaToken}: true when the current request was authenticated with an API token; signing
 *   must refuse such callers (a token is a machine's single factor). Token callers also never hold
 *   APPROVER, SAFETY_MANAGER, SAFETY_ENGINEER or ADMIN, so {@code @RolesAllowed} on signing refuses
 *   them already; this is the explicit second check.</li>
 * </ul>
 */
@ApplicationScoped
public class PasswordCheck {

    @Inject
    Logins logins;

    @Inject
    CallerAuthentication authentication;

    /**
     * Whether {@code password} is the current password of the active account {@code username}, and one
     * the user chose: a password an administrator set (at creation or by a reset) never verifies here
     * until the user changed it ({@link #passwordChangeRequired}), so an administrator cannot sign as
     * the user. Takes ≈0.1–0.3 s (PBKDF2). Pass the caller's own username: there is no signing on
     * behalf of someone else. The caller keeps ownership of {@code password} and may clear it after.
     */
    public boolean verify(String username, char[] password) {
        if (password == null) {
            return false;
        }
        return logins.withPassword(username, password).filter(account -> !account.passwordChangeRequired()).isPresent();
    }

    /** The printed name (full name) of the account, active or deactivated; empty for unknown names. */
    public Optional<String> printedName(String username) {
        return logins.account(username).map(UserAccount::displayName);
    }

    /** Whether the account still has to replace a password an administrator set before it can sign. */
    public boolean passwordChangeRequired(String username) {
        return logins.account(username).map(UserAccount::passwordChangeRequired).orElse(false);
    }

    /** True when the current request was authenticated with an API token (Bearer), not by a person. */
    public boolean viaToken() {
        return authentication.viaToken();
    }
}
