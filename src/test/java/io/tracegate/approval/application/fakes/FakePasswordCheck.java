package io.tracegate.approval.application.fakes;

import io.tracegate.approval.application.PasswordCheck;
import io.tracegate.approval.domain.UserAccount;
import io.tracegate.approval.domain.UserAccounts;

import java.util.Optional;

/**
 * The password check over the accounts fake, with the real rules: only an active account's current password
 * verifies, and never one an administrator set (until the user chose their own). The "hash" is the password
 * behind a prefix ({@link #hashOf}): PBKDF2 is the hasher's own test. Whether the request came with an API
 * token is a switch.
 */
public final class FakePasswordCheck extends PasswordCheck {

    private final UserAccounts accounts;
    private boolean viaToken;

    public FakePasswordCheck(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public static String hashOf(String password) {
        return "fake-hash:" + password;
    }

    @Override
    public boolean verify(String username, char[] password) {
        if (password == null) {
            return false;
        }
        return accounts.named(username).filter(UserAccount::isActive).filter(a -> !a.passwordChangeRequired())
                .map(a -> a.passwordHash().equals(hashOf(new String(password)))).orElse(false);
    }

    @Override
    public Optional<String> printedName(String username) {
        return accounts.named(username).map(UserAccount::displayName);
    }

    @Override
    public boolean passwordChangeRequired(String username) {
        return accounts.named(username).map(UserAccount::passwordChangeRequired).orElse(false);
    }

    @Override
    public boolean viaToken() {
        return viaToken;
    }

    /** The next calls come with an API token (true) or a login (false). */
    public void viaToken(boolean token) {
        this.viaToken = token;
    }
}
