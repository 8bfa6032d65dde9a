package io.tracegate.identity.interfaces;

import io.tracegate.identity.application.Logins;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.infrastructure.BrowserSessions;
import io.tracegate.identity.infrastructure.LoginThrottle;
import io.tracegate.platform.security.CallerAuthentication;
import io.tracegate.platform.security.LoginMethod;
import io.tracegate.platform.security.Roles;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.platform.web.TooManyAttempts;
import io.tracegate.platform.web.Unauthenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.tracegate.platform.security.Roles.ANY_ROLE;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /api/session}: browser login. {@code POST} with {@code {"username", "password"}} starts an HTTP
 * session (cookie {@code TRACEGATE_SESSION}: HttpOnly, SameSite=Strict, Secure over HTTPS) and answers
 * the CSRF token; {@code GET} says who you are (for any login method); {@code DELETE} logs out.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    Logins logins;

    @Inject
    LoginThrottle throttle;

    @Inject
    CallerAuthentication authentication;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Credentials")))
    @APIResponse(responseCode = "200", description = "logged in: the session cookie is set", content = @Content(schema = @Schema(ref = "SessionView")))
    public Response login(InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.Credentials.class);
        String username = json.requiredString("username");
        Optional<Duration> wait = throttle.waitFor(username, request.getRemoteAddr());
        if (wait.isPresent()) {
            return TooManyAttempts.response(wait.get());
        }
        char[] password = json.requiredString("password").toCharArray();
        Optional<UserAccount> account = logins.sessionLogin(username, password);
        Arrays.fill(password, '\0');
        if (account.isEmpty()) {
            throttle.failed(username, request.getRemoteAddr());
            return Unauthenticated.response("unknown user, wrong password, or deactivated account");
        }
        throttle.succeeded(username, request.getRemoteAddr());
        UserAccount who = account.get();
        String csrf = BrowserSessions.open(request, who.username(), who.credentialStamp());
        return Response.ok(new SessionView(who.username(), who.displayName(), who.roles().stream().sorted().toList(),
                "session", null, csrf, who.passwordChangeRequired())).cacheControl(NO_STORE).build();
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SessionView")))
    public Response whoAmI() {
        String username = security.getUserPrincipal().getName();
        Optional<UserAccount> account = logins.account(username);
        List<String> roles = Roles.all().stream().filter(security::isUserInRole).sorted().toList();
        String method = authentication.method().map(m -> m.name().toLowerCase(Locale.ROOT)).orElse(null);
        return Response.ok(new SessionView(username, account.map(UserAccount::displayName).orElse(username), roles,
                method, authentication.tokenScope().orElse(null), authentication.csrfToken().orElse(null),
                account.map(UserAccount::passwordChangeRequired).orElse(false))).cacheControl(NO_STORE).build();
    }

    /** Ends the browser session (with its CSRF token, like every state change); harmless without one. */
    @DELETE
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "204", description = "logged out")
    public Response logout() {
        if (authentication.method().filter(LoginMethod.SESSION::equals).isPresent()) {
            logins.sessionLogout(security.getUserPrincipal().getName());
        }
        BrowserSessions.close(request);
        return Response.noContent().build();
    }
}
