package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks username and password (HTTP Basic) and browser sessions against the active accounts.
 * <p>
 * Passwords: PBKDF2 is slow on purpose (≈0.1 s), and HTTP Basic sends the password with every request,
 * so a successful check is remembered for five minutes under a digest of (username, password, stored
 * hash): a changed password or hash misses the cache, and a deactivated account is refused because the
 * account itself is read on every request.
 * <p>
 * Sessions: valid while the account is active and its credential stamp is the one the session
 * remembered at login; the roles are the account's current ones.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHasher hasher;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            return password(login);
        }
        if (credential instanceof SessionCredential session) {
            return session(session);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult password(UsernamePasswordCredential login) {
        Optional<UserAccount> account = accounts.named(login.getCaller()).filter(UserAccount::isActive);
        if (account.isEmpty()) {
            hasher.matchesNothing(login.getPassword().getValue());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwordMatches(account.get(), login.getPasswordAsString())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.get().username(), account.get().roles());
    }

    private CredentialValidationResult session(SessionCredential session) {
        Optional<UserAccount> account = accounts.named(session.username()).filter(UserAccount::isActive)
                .filter(a -> MessageDigest.isEqual(a.credentialStamp().getBytes(StandardCharsets.US_ASCII),
                        String.valueOf(session.stamp()).getBytes(StandardCharsets.US_ASCII)));
        return account.map(a -> new CredentialValidationResult(a.username(), a.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private boolean passwordMatches(UserAccount account, String password) {
        String key = fingerprint(account, password);
        Instant until = verified.get(key);
        Instant now = Instant.now();
        if (until != null && until.isAfter(now)) {
            return true;
        }
        if (!hasher.matches(password.toCharArray(), account.passwordHash())) {
            return false;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, now.plus(REMEMBER));
        return true;
    }

    private static String fingerprint(UserAccount account, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {account.username(), password, account.passwordHash()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
