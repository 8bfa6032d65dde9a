package io.tracegate.identity.infrastructure;

import io.tracegate.platform.persistence.ConnectionLoss;
import io.tracegate.platform.security.LoginFailed;
import io.tracegate.platform.security.LoginMethod;
import io.tracegate.platform.security.Roles;
import io.tracegate.platform.web.ServletProblem;
import io.tracegate.platform.web.TooManyAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.tracegate.platform.web.Unauthenticated.BEARER_CHALLENGE;
import static io.tracegate.platform.web.Unauthenticated.CHALLENGE;

/**
 * Who is calling, for every request, in this order:
 * <ol>
 *   <li>{@code Authorization: Basic} (scripts, curl): username and password against the accounts;</li>
 *   <li>{@code Authorization: Bearer tg_…} (CI): an API token, whose caller gets only the roles the
 *   token's scope allows plus the group {@code token:<scope>};</li>
 *   <li>otherwise the browser session cookie from {@code POST /api/session}, re-checked against the
 *   account on every request (deactivated or password changed: the session ends).</li>
 * </ol>
 * Bad Basic or Bearer credentials are refused here with a problem+json 401. A request without
 * credentials continues unauthenticated, and each endpoint's role check then answers 401. The method
 * used is kept in the request attribute {@link LoginMethod#ATTRIBUTE}; the CSRF guard of the API
 * demands the session's CSRF token on state changes made with the session cookie.
 * <p>
 * Every refused login is told as a {@link LoginFailed} event, which the audit trail records as
 * {@code login.failed} (actor: the name or token prefix tried).
 * <p>
 * Tokens are looked up on every request, with no cache: a revoked or expired token, or one of a
 * deactivated account, fails on its next request.
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    Event<LoginFailed> failures;

    private static final Logger LOG = Logger.getLogger(LoginMechanism.class.getName());

    /**
     * Checking credentials reads the database: when its connection breaks, the client gets 503 and retries,
     * instead of an empty 500 from the container (or a 401 that would blame its password).
     */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!ConnectionLoss.in(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "Database connection lost while checking credentials", e);
            return problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database-unavailable",
                    "Service Unavailable", "the database connection was lost while your credentials were checked: retry");
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).trim(), request, response, context);
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(header.substring(7).trim(), request, response, context);
        }
        if (header == null) {
            Optional<BrowserSessions.Remembered> session = BrowserSessions.remembered(request);
            if (session.isPresent()) {
                return session(session.get(), request, context);
            }
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        UsernamePasswordCredential credential = decode(encoded);
        if (credential == null) {
            recordFailure("(undecodable)", request, "Basic credentials that are not base64 of user:password");
            return refuse(response, CHALLENGE, "the Basic credentials are not base64 of user:password");
        }
        Optional<Duration> wait = throttle.waitFor(credential.getCaller(), request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", TooManyAttempts.seconds(wait.get()));
            return problem(response, TooManyAttempts.STATUS, TooManyAttempts.SLUG, "Too Many Requests",
                    TooManyAttempts.detail(wait.get()));
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(credential.getCaller(), request.getRemoteAddr());
            recordFailure(credential.getCaller(), request, "unknown user, wrong password, or deactivated account");
            return refuse(response, CHALLENGE, "unknown user, wrong password, or deactivated account");
        }
        throttle.succeeded(credential.getCaller(), request.getRemoteAddr());
        request.setAttribute(LoginMethod.ATTRIBUTE, LoginMethod.BASIC);
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(),
                Roles.callerGroups(withoutTokenGroups(result.getCallerGroups())));
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(new BearerCredential(token));
        Optional<String> scope = result.getCallerGroups().stream()
                .filter(group -> group.startsWith(Roles.TOKEN_GROUP_PREFIX)).findFirst()
                .map(group -> group.substring(Roles.TOKEN_GROUP_PREFIX.length()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID || scope.isEmpty()) {
            recordFailure("(token " + (token.length() > 12 ? token.substring(0, 12) : "?") + ")", request,
                    "unknown, expired or revoked API token");
            return refuse(response, BEARER_CHALLENGE + ", error=\"invalid_token\"",
                    "unknown, expired or revoked API token, or a deactivated account");
        }
        request.setAttribute(LoginMethod.ATTRIBUTE, LoginMethod.TOKEN);
        request.setAttribute(LoginMethod.TOKEN_SCOPE_ATTRIBUTE, scope.get());
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(),
                Roles.callerGroups(result.getCallerGroups()));
    }

    private AuthenticationStatus session(BrowserSessions.Remembered session, HttpServletRequest request,
                                         HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(session.credential());
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // deactivated, password changed or reset: the session is over; the endpoint answers 401
            BrowserSessions.close(request);
            return context.doNothing();
        }
        request.setAttribute(LoginMethod.ATTRIBUTE, LoginMethod.SESSION);
        request.setAttribute(LoginMethod.CSRF_ATTRIBUTE, session.csrfToken());
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(),
                Roles.callerGroups(withoutTokenGroups(result.getCallerGroups())));
    }

    /** Only token logins may carry {@code token:*} groups, whatever an identity store returned. */
    private static Set<String> withoutTokenGroups(Set<String> groups) {
        Set<String> kept = new HashSet<>(groups);
        kept.removeIf(group -> group.startsWith(Roles.TOKEN_GROUP_PREFIX));
        return kept;
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, String challenge, String detail) {
        response.setHeader("WWW-Authenticate", challenge);
        return problem(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Unauthorized", detail);
    }

    private static AuthenticationStatus problem(HttpServletResponse response, int status, String slug, String title,
                                                String detail) {
        ServletProblem.send(response, status, title, slug, detail,
                status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? Map.of("Retry-After", "5") : Map.of());
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * Tells whoever records refusals (the audit trail). A trail that cannot be written (database down) does
     * not turn the 401 into a 500: the refusal stands and the failure is logged.
     */
    private void recordFailure(String name, HttpServletRequest request, String why) {
        try {
            failures.fire(new LoginFailed(name, request.getRemoteAddr(), why));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not record a refused login in the audit trail", e);
        }
    }
}
