package io.tracegate.identity.domain;

import java.util.List;
import java.util.Optional;

/** All accounts, active or not. */
public interface UserAccounts {

    void add(UserAccount account);

    Optional<UserAccount> named(String username);

    long count();

    /** By username. */
    List<UserAccount> page(int offset, int limit);

    /** How many active accounts hold {@code role}; the last active administrator must stay one. */
    long activeWithRole(String role);
}
