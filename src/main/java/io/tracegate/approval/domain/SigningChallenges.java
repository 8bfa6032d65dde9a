package io.tracegate.approval.domain;

import java.util.Optional;

/** Issued signing challenges, found by the SHA-256 of their secret. */
public interface SigningChallenges {

    void add(SigningChallenge challenge);

    /** The challenge with this secret hash, unlocked (to check it before the signer's factors). */
    Optional<SigningChallenge> withSecret(String sha256);

    /** The challenge with this secret hash, locked until the transaction ends (two requests cannot both spend it). */
    Optional<SigningChallenge> withSecretLocked(String sha256);
}
