package io.tracegate.identity.domain;

import java.util.Optional;

/** The failed-signing counts of accounts (a row only for accounts that ever failed). */
public interface SigningLockouts {

    Optional<SigningLockout> of(String username);

    /** The account's count, locked until the transaction ends, created at zero when it has none yet. */
    SigningLockout ofLocked(String username);
}
