package io.tracegate.identity.application;

import io.tracegate.identity.domain.PasswordHashing;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Password checks that are not HTTP Basic: the browser login ({@code POST /api/session}) and, through
 * {@link PasswordCheck}, re-entering the password at signing. Always a full PBKDF2 check against the
 * stored hash, never a cached one; unknown and deactivated accounts take the same time as a wrong
 * password.
 */
@ApplicationScoped
public class Logins {

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHashing hasher;

    @Inject
    AccountAudit audit;

    /** The active account {@code username} if {@code password} is its password. */
    @Transactional
    public Optional<UserAccount> withPassword(String username, char[] password) {
        Optional<UserAccount> account = username == null ? Optional.empty()
                : accounts.named(username).filter(UserAccount::isActive);
        if (account.isEmpty()) {
            hasher.matchesNothing(password);
            return Optional.empty();
        }
        return hasher.matches(password, account.get().passwordHash()) ? account : Optional.empty();
    }

    /** A browser login: the account when the password is right, recorded in the audit trail either way. */
    @Transactional
    public Optional<UserAccount> sessionLogin(String username, char[] password) {
        Optional<UserAccount> account = withPassword(username, password);
        String who = account.map(UserAccount::username).orElse("anonymous");
        audit.record(who, account.isPresent() ? "session.login" : "session.login-refused", "user",
                String.valueOf(username), null, null, null);
        return account;
    }

    @Transactional
    public void sessionLogout(String username) {
        audit.record(username, "session.logout", "user", username, null, null, null);
    }

    /** Any account, active or deactivated. */
    @Transactional
    public Optional<UserAccount> account(String username) {
        return username == null ? Optional.empty() : accounts.named(username);
    }
}
