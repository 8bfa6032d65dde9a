package io.tracegate.identity.interfaces;

import java.util.List;

/**
 * Who the caller is: username, printed name, the roles this request holds (for a token, those its scope
 * allows), how they logged in ({@code basic}, {@code token}, {@code session}), the token's scope, and
 * for a browser session the CSRF token to send as {@code X-CSRF-Token} with every state change.
 */
public record SessionView(String username, String printedName, List<String> roles, String authentication,
                          String tokenScope, String csrfToken, boolean passwordChangeRequired) {
}
