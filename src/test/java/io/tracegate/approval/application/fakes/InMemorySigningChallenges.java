package io.tracegate.approval.application.fakes;

import io.tracegate.approval.domain.SigningChallenge;
import io.tracegate.approval.domain.SigningChallenges;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Challenges by the SHA-256 of their secret (unique, as {@code signing_challenge_secret_uk}). The fake keeps the
 * objects themselves, so a redeemed challenge stays spent, as the committed row would.
 */
public final class InMemorySigningChallenges implements SigningChallenges {

    private final Map<String, SigningChallenge> bySecret = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public void add(SigningChallenge challenge) {
        String sha256 = (String) read(challenge);
        if (bySecret.containsKey(sha256)) {
            throw new UniqueViolation("signing_challenge_secret_uk", sha256);
        }
        bySecret.put(sha256, Rows.withId(challenge, nextId++));
    }

    @Override
    public Optional<SigningChallenge> withSecret(String sha256) {
        return Optional.ofNullable(bySecret.get(sha256));
    }

    @Override
    public Optional<SigningChallenge> withSecretLocked(String sha256) {
        return Optional.ofNullable(bySecret.get(sha256));
    }

    public int issued() {
        return bySecret.size();
    }

    /** The secret's hash is a column without an accessor (nobody but the lookup needs it). */
    private static Object read(SigningChallenge challenge) {
        try {
            var f = SigningChallenge.class.getDeclaredField("challengeSha256");
            f.setAccessible(true);
            return f.get(challenge);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
