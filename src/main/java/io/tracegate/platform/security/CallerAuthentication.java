package io.tracegate.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * How the current HTTP request was authenticated, for code that must treat logins differently: signing
 * refuses API-token callers (a token is one factor held by a machine, not a person re-entering a
 * password), changing one's password needs a person. Empty outside an HTTP request or without a login.
 */
@RequestScoped
public class CallerAuthentication {

    @Inject
    HttpServletRequest request;

    public Optional<LoginMethod> method() {
        try {
            return LoginMethod.of(request.getAttribute(LoginMethod.ATTRIBUTE));
        } catch (RuntimeException noHttpRequest) {
            return Optional.empty();
        }
    }

    /** True when the caller authenticated with an API token ({@code Authorization: Bearer}). */
    public boolean viaToken() {
        return method().filter(LoginMethod.TOKEN::equals).isPresent();
    }

    /** The scope of the API token the caller used, e.g. {@code upload}. */
    public Optional<String> tokenScope() {
        return viaToken() ? Optional.ofNullable((String) request.getAttribute(LoginMethod.TOKEN_SCOPE_ATTRIBUTE))
                : Optional.empty();
    }

    /** For a browser session: the CSRF token its state-changing requests must send as {@code X-CSRF-Token}. */
    public Optional<String> csrfToken() {
        return method().filter(LoginMethod.SESSION::equals)
                .map(m -> (String) request.getAttribute(LoginMethod.CSRF_ATTRIBUTE));
    }
}
