package io.tracegate.platform.security;

import java.util.Optional;

/**
 * How the caller of the current request proved who they are. The login mechanism of {@code io.tracegate.identity} stores it in the
 * request attribute {@link #ATTRIBUTE}; read it through {@link CallerAuthentication}.
 */
public enum LoginMethod {

    /** {@code Authorization: Basic}: scripts and curl. */
    BASIC,
    /** {@code Authorization: Bearer tg_…}: a CI service account's API token, limited to its scope. */
    TOKEN,
    /** The browser session cookie from {@code POST /api/session}; state changes need the CSRF token. */
    SESSION;

    public static final String ATTRIBUTE = "io.tracegate.security.login-method";
    /** For {@link #TOKEN}: the token's scope, e.g. {@code upload}. */
    public static final String TOKEN_SCOPE_ATTRIBUTE = "io.tracegate.security.token-scope";
    /** For {@link #SESSION}: the session's CSRF token, which state-changing requests must echo. */
    public static final String CSRF_ATTRIBUTE = "io.tracegate.security.csrf-token";

    /** Reads a request attribute back. */
    public static Optional<LoginMethod> of(Object attribute) {
        return attribute instanceof LoginMethod method ? Optional.of(method) : Optional.empty();
    }
}
