package io.tracegate.identity.application;

import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.ApiTokens;
import io.tracegate.identity.domain.PasswordHashing;
import io.tracegate.identity.domain.PasswordRules;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.paging.Page;
import io.tracegate.platform.security.CallerAuthentication;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Managing accounts: create, change roles, deactivate (never delete), reset and change passwords. The
 * last active administrator can neither be deactivated nor lose the role, so Tracegate always has one.
 */
@Stateless
public class UserDirectory {

    @Inject
    UserAccounts accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    PasswordHashing hasher;

    @Inject
    AccountAudit audit;

    @Inject
    CallerAuthentication authentication;

    @Resource
    SessionContext caller;

    @RolesAllowed({ADMIN, SAFETY_MANAGER, AUDITOR})
    public Page<UserAccount> list(int offset, int limit) {
        return new Page<>(accounts.page(offset, limit), offset, limit, accounts.count());
    }

    @RolesAllowed({ADMIN, SAFETY_MANAGER, AUDITOR})
    public UserAccount named(String username) {
        return existing(username);
    }

    /** The caller's own account. */
    @RolesAllowed(ANY_ROLE)
    public UserAccount own() {
        return existing(me());
    }

    /**
     * A new active account. The initial password counts as set by the administrator: the user can log in
     * with it but must choose their own before signing.
     */
    @RolesAllowed(ADMIN)
    public UserAccount create(String username, String printedName, Set<String> roles, char[] password) {
        PasswordRules.check(username, password, "password");
        UserAccount account = UserAccount.create(username, printedName, "unset", roles, Instant.now());
        if (accounts.named(username).isPresent()) {
            throw new Conflict("username", "an account named '" + username + "' already exists (deactivated accounts keep their name)");
        }
        account.passwordAssigned(hasher.hash(password), Instant.now());
        accounts.add(account);
        audit.record(me(), "user.create", "user", username, null,
                "printedName=" + account.displayName() + "; roles=" + new TreeSet<>(account.roles()), null);
        return account;
    }

    @RolesAllowed(ADMIN)
    public UserAccount changeRoles(String username, Set<String> roles) {
        UserAccount.checkRoles(roles);
        UserAccount account = existing(username);
        Set<String> before = new TreeSet<>(account.roles());
        if (before.contains(ADMIN) && !roles.contains(ADMIN) && account.isActive()) {
            keepOneAdministrator();
        }
        account.changeRoles(roles);
        audit.record(me(), "user.roles", "user", username, before.toString(), new TreeSet<>(account.roles()).toString(),
                null);
        return account;
    }

    /**
     * Deactivates the account for good and revokes its API tokens. Its records and signatures keep its
     * name. Deactivating a deactivated account changes nothing.
     */
    @RolesAllowed(ADMIN)
    public UserAccount deactivate(String username) {
        UserAccount account = existing(username);
        if (!account.isActive()) {
            return account;
        }
        if (account.roles().contains(ADMIN)) {
            keepOneAdministrator();
        }
        Instant now = Instant.now();
        account.deactivate(me(), now);
        for (ApiToken token : tokens.ofAccount(account)) {
            token.revoke(me(), now);
        }
        audit.record(me(), "user.deactivate", "user", username, "active", "deactivated", null);
        return account;
    }

    /**
     * An administrator sets a new password, e.g. for a user who forgot theirs. It ends the user's
     * sessions, logs in, but never signs until the user chose their own.
     */
    @RolesAllowed(ADMIN)
    public UserAccount resetPassword(String username, char[] password) {
        UserAccount account = existing(username);
        if (!account.isActive()) {
            throw new Conflict("username", "the account '" + username + "' is deactivated");
        }
        PasswordRules.check(username, password, "password");
        account.passwordAssigned(hasher.hash(password), Instant.now());
        audit.record(me(), "user.password-reset", "user", username, null, null, null);
        return account;
    }

    /**
     * The caller replaces their own password, proving the current one. Not with an API token: a token
     * holder is a machine and has no password to change.
     */
    @RolesAllowed(ANY_ROLE)
    public UserAccount changeOwnPassword(char[] currentPassword, char[] newPassword) {
        if (authentication.viaToken()) {
            throw new NotPermitted(null, "an API token cannot change a password; log in as the person");
        }
        UserAccount account = existing(me());
        if (currentPassword == null || !hasher.matches(currentPassword, account.passwordHash())) {
            throw new NotPermitted("currentPassword", "the current password is wrong");
        }
        PasswordRules.check(account.username(), newPassword, "newPassword");
        if (hasher.matches(newPassword, account.passwordHash())) {
            throw new io.tracegate.platform.failure.InvalidInput("newPassword", "must differ from the current password");
        }
        account.passwordChosen(hasher.hash(newPassword), Instant.now());
        audit.record(me(), "user.password-change", "user", account.username(), null, null, null);
        return account;
    }

    private void keepOneAdministrator() {
        if (accounts.activeWithRole(ADMIN) <= 1) {
            throw new Conflict("roles", "this is the last active administrator; make someone else ADMIN first");
        }
    }

    private UserAccount existing(String username) {
        return accounts.named(username).orElseThrow(() -> new NoSuchEntity("user", username));
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
