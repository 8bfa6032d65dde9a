package io.tracegate.approval.application.fakes;

import io.tracegate.approval.domain.UserAccount;
import io.tracegate.approval.domain.UserAccounts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts by username (unique, as in {@code app_user}). */
public final class InMemoryUserAccounts implements UserAccounts {

    private final Map<String, UserAccount> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public void add(UserAccount account) {
        if (rows.containsKey(account.username())) {
            throw new UniqueViolation("app_user_username_key", account.username());
        }
        rows.put(account.username(), Rows.withId(account, nextId++));
    }

    @Override
    public Optional<UserAccount> named(String username) {
        return Optional.ofNullable(rows.get(username));
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public List<UserAccount> page(int offset, int limit) {
        return rows.values().stream().sorted(Comparator.comparing(UserAccount::username)).skip(offset).limit(limit)
                .toList();
    }

    @Override
    public long activeWithRole(String role) {
        return rows.values().stream().filter(a -> a.isActive() && a.roles().contains(role)).count();
    }
}
