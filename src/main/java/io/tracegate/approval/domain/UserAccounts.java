package io.tracegate.approval.domain;

import java.util.Optional;

/** All accounts, active or not. */
public interface UserAccounts {

    void add(UserAccount account);

    Optional<UserAccount> named(String username);

    long count();
}
