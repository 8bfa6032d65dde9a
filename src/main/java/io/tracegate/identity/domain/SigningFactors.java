package io.tracegate.identity.domain;

import java.util.Optional;

/** The signers' authenticators, one per account at most. */
public interface SigningFactors {

    Optional<SigningFactor> of(String username);

    /** The authenticator, locked until the transaction ends (two signatures cannot both spend one time step). */
    Optional<SigningFactor> ofLocked(String username);

    void add(SigningFactor factor);

    /** Forgets the authenticator (a confirmed reset); the account then has to enrol again. */
    void remove(SigningFactor factor);
}
