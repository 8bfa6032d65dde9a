package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.PasswordHashing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/** PBKDF2-HMAC-SHA512 with 210,000 iterations and a 32-byte salt (OWASP's figure for PBKDF2-SHA512). */
@ApplicationScoped
public class PasswordHasher implements PasswordHashing {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    @Override
    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    @Override
    public boolean matches(char[] password, String hash) {
        return pbkdf2.verify(password, hash);
    }

    private volatile String decoy;

    @Override
    public boolean matchesNothing(char[] password) {
        String hash = decoy;
        if (hash == null) {
            hash = pbkdf2.generate(java.util.UUID.randomUUID().toString().toCharArray());
            decoy = hash;
        }
        pbkdf2.verify(password, hash);
        return false;
    }
}
