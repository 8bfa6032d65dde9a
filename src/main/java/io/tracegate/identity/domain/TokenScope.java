package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.security.Roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an API token may do, as the roles it can grant. A request authenticated by a token acts with the
 * account's roles <em>intersected</em> with its scope's roles, so a token of an account that is also an
 * approver or administrator still cannot sign, review, approve or administer.
 *
 * <table>
 *   <caption>Scopes</caption>
 *   <tr><th>scope</th><th>roles it can grant</th><th>what that allows</th></tr>
 *   <tr><td>{@code upload}</td><td>ML_ENGINEER</td><td>register models, open releases, set recipes,
 *   upload artifacts and evidence, read everything ML engineers read; nothing that needs ADMIN,
 *   SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER or AUDITOR</td></tr>
 * </table>
 */
public enum TokenScope {

    UPLOAD(Set.of(Roles.ML_ENGINEER));

    private final Set<String> grantable;

    TokenScope(Set<String> grantable) {
        this.grantable = grantable;
    }

    /** The scope's name in the API and in the group {@code token:<name>}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<String> grantableRoles() {
        return grantable;
    }

    /** The roles a token of this scope grants an account holding {@code accountRoles}. */
    public Set<String> grantedRoles(Set<String> accountRoles) {
        Set<String> granted = new TreeSet<>(accountRoles);
        granted.retainAll(grantable);
        return granted;
    }

    /** The group every caller authenticated with a token of this scope also gets: {@code token:upload}. */
    public String group() {
        return Roles.TOKEN_GROUP_PREFIX + value();
    }

    public static TokenScope parse(String field, String text) {
        return Arrays.stream(values()).filter(scope -> scope.value().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "unknown scope '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(TokenScope::value).toList()));
    }
}
