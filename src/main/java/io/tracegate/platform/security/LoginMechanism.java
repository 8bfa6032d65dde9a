package io.tracegate.platform.security;

import io.tracegate.audit.domain.AuditEntry;
import io.tracegate.audit.domain.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP Basic for curl and CI, answering failures with problem+json instead of the container's HTML
 * page. A request without credentials continues unauthenticated, and each endpoint's role check then
 * answers 401; bad credentials are refused here, and every refusal is a {@code login.failed} audit event
 * (actor: the name that was tried). (Form login for the browser and Bearer tokens for CI
 * service accounts plug in here later.)
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    /** The challenge every 401 carries, from here and from the endpoints' role check. */
    public static final String CHALLENGE = "Basic realm=\"tracegate\", charset=\"UTF-8\"";

    private static final Logger LOG = Logger.getLogger(LoginMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AuditTrail trail;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decode(header.substring(6).trim());
        if (credential == null) {
            recordFailure("(undecodable)", request, "Basic credentials that are not base64 of user:password");
            return refuse(response, "the Basic credentials are not base64 of user:password");
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            recordFailure(credential.getCaller(), request, "unknown user, wrong password, or deactivated account");
            return refuse(response, "unknown user, wrong password, or deactivated account");
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Records the refusal in its own transaction. A trail that cannot be written (database down) does not
     * turn the 401 into a 500: the refusal stands and the failure is logged.
     */
    private void recordFailure(String name, HttpServletRequest request, String why) {
        try {
            trail.record(new AuditEntry(name, "login.failed", "account", name, null, null,
                    why + " (from " + request.getRemoteAddr() + ")"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not record a refused login in the audit trail", e);
        }
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

    private static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = Json.createObjectBuilder()
                .add("type", "https://tracegate.io/problems/unauthenticated")
                .add("title", "Unauthorized")
                .add("status", 401)
                .add("detail", detail)
                .build().toString();
        try {
            response.getWriter().write(body);
        } catch (IOException ignored) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
