package io.tracegate.identity.application;

import io.tracegate.identity.domain.OneTimeCodes;
import io.tracegate.identity.domain.PasswordHashing;
import io.tracegate.identity.domain.SecretSealing;
import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningFactors;
import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.identity.domain.SigningLockouts;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.security.CallerAuthentication;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The real {@link SignerAttestation} over in-memory authenticators and failure counts, for the application tests
 * of signing (which live in other packages and cannot set its fields).
 */
public final class AttestationOnFakes {

    private AttestationOnFakes() {
    }

    public static SignerAttestation attestation(UserAccounts accounts, PasswordHashing hasher, SigningFactors factors,
                                                SigningLockouts lockouts, OneTimeCodes codes, SecretSealing sealing,
                                                BooleanSupplier viaToken, Clock clock) {
        Logins logins = new Logins();
        logins.accounts = accounts;
        logins.hasher = hasher;
        SignerAttestation a = new SignerAttestation();
        a.logins = logins;
        a.factors = factors;
        a.lockouts = lockouts;
        a.codes = codes;
        a.sealing = sealing;
        a.authentication = new CallerAuthentication() {
            @Override
            public boolean viaToken() {
                return viaToken.getAsBoolean();
            }
        };
        a.clock = clock;
        a.freeFailures = 3;
        a.longestDelay = Duration.ofMinutes(15);
        a.lockAfter = 10;
        return a;
    }

    /** Authenticators by account name (the objects themselves, so what a use case changes stays changed). */
    public static final class InMemorySigningFactors implements SigningFactors {
        private final Map<String, SigningFactor> byName = new HashMap<>();

        @Override
        public Optional<SigningFactor> of(String username) {
            return Optional.ofNullable(byName.get(username));
        }

        @Override
        public Optional<SigningFactor> ofLocked(String username) {
            return of(username);
        }

        @Override
        public void add(SigningFactor factor) {
            if (byName.putIfAbsent(factor.username(), factor) != null) {
                throw new IllegalStateException("duplicate key " + factor.username());
            }
        }

        @Override
        public void remove(SigningFactor factor) {
            byName.remove(factor.username());
        }
    }

    /** Failure counts by account name. */
    public static final class InMemorySigningLockouts implements SigningLockouts {
        private final Map<String, SigningLockout> byName = new HashMap<>();

        @Override
        public Optional<SigningLockout> of(String username) {
            return Optional.ofNullable(byName.get(username));
        }

        @Override
        public SigningLockout ofLocked(String username) {
            return byName.computeIfAbsent(username, SigningLockout::of);
        }
    }
}
