package io.tracegate.identity.application;

import io.tracegate.identity.domain.PasswordHashing;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.security.CallerAuthentication;
import io.tracegate.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing code's view of accounts: only an active account's self-chosen password verifies. */
class PasswordCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Map<String, UserAccount> stored = new HashMap<>();
    private boolean viaToken;
    private final PasswordCheck check = new PasswordCheck();

    PasswordCheckTest() {
        Logins logins = new Logins();
        logins.accounts = new UserAccounts() {
            @Override
            public void add(UserAccount account) {
                stored.put(account.username(), account);
            }

            @Override
            public Optional<UserAccount> named(String username) {
                return Optional.ofNullable(stored.get(username));
            }

            @Override
            public long count() {
                return stored.size();
            }

            @Override
            public List<UserAccount> page(int offset, int limit) {
                return List.copyOf(stored.values());
            }

            @Override
            public long activeWithRole(String role) {
                return 0;
            }
        };
        logins.hasher = new PasswordHashing() {
            @Override
            public String hash(char[] password) {
                return "plain:" + new String(password);
            }

            @Override
            public boolean matches(char[] password, String hash) {
                return hash.equals(hash(password));
            }

            @Override
            public boolean matchesNothing(char[] password) {
                return false;
            }
        };
        check.logins = logins;
        check.authentication = new CallerAuthentication() {
            @Override
            public boolean viaToken() {
                return viaToken;
            }
        };
        logins.accounts.add(UserAccount.create("alex", "Alex Moreau", "plain:alex's own passphrase",
                Set.of(Roles.APPROVER), NOW));
    }

    @Test
    void theActiveAccountsOwnPasswordVerifies() {
        assertThat(check.verify("alex", "alex's own passphrase".toCharArray())).isTrue();
        assertThat(check.verify("alex", "something else entirely".toCharArray())).isFalse();
        assertThat(check.verify("alex", null)).isFalse();
        assertThat(check.verify("nobody", "alex's own passphrase".toCharArray())).isFalse();
        assertThat(check.verify(null, "alex's own passphrase".toCharArray())).isFalse();
    }

    @Test
    void aPasswordAnAdministratorSetNeverSigns() {
        stored.get("alex").passwordAssigned("plain:set by the admin", NOW);
        assertThat(check.verify("alex", "set by the admin".toCharArray())).isFalse();
        assertThat(check.passwordChangeRequired("alex")).isTrue();
        stored.get("alex").passwordChosen("plain:chosen by alex", NOW);
        assertThat(check.verify("alex", "chosen by alex".toCharArray())).isTrue();
        assertThat(check.passwordChangeRequired("alex")).isFalse();
    }

    @Test
    void aDeactivatedAccountNeverVerifiesButKeepsItsPrintedName() {
        stored.get("alex").deactivate("admin", NOW);
        assertThat(check.verify("alex", "alex's own passphrase".toCharArray())).isFalse();
        assertThat(check.printedName("alex")).hasValue("Alex Moreau");
        assertThat(check.printedName("nobody")).isEmpty();
    }

    @Test
    void tokenCallersAreRecognised() {
        assertThat(check.viaToken()).isFalse();
        viaToken = true;
        assertThat(check.viaToken()).isTrue();
    }
}
