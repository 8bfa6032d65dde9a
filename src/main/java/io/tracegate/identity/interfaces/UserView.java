package io.tracegate.identity.interfaces;

import io.tracegate.identity.domain.UserAccount;

import java.time.Instant;
import java.util.List;

/** An account as the API shows it: never its password hash. */
public record UserView(String username, String printedName, List<String> roles, boolean active, Instant createdAt,
                       Instant deactivatedAt, String deactivatedBy, Instant passwordChangedAt,
                       boolean passwordChangeRequired) {

    static UserView of(UserAccount account) {
        return new UserView(account.username(), account.displayName(), account.roles().stream().sorted().toList(),
                account.isActive(), account.createdAt(), account.deactivatedAt(), account.deactivatedBy(),
                account.passwordChangedAt(), account.passwordChangeRequired());
    }
}
