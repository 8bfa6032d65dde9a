package io.tracegate.platform.web;

import io.tracegate.platform.security.AccessRefused;
import io.tracegate.platform.security.LoginMethod;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link CsrfCheck} to every API request before it is matched or its body read: a refused
 * request gets 403 problem+json {@code csrf}, changes nothing, and is reported as an
 * {@link AccessRefused} event for the audit trail.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CsrfGuard implements ContainerRequestFilter {

    @Inject
    Event<AccessRefused> refusals;

    private final List<String> allowedOrigins = ConfigProvider.getConfig()
            .getOptionalValues("tracegate.web.origins", String.class).orElse(List.of());

    @Override
    public void filter(ContainerRequestContext request) {
        LoginMethod login = LoginMethod.of(request.getProperty(LoginMethod.ATTRIBUTE)).orElse(null);
        Optional<CsrfCheck.Refusal> refusal = CsrfCheck.refusal(request.getMethod(), request.getUriInfo().getPath(), login,
                (String) request.getProperty(LoginMethod.CSRF_ATTRIBUTE), request.getHeaderString(CsrfCheck.HEADER),
                request.getHeaderString("Origin"), request.getUriInfo().getBaseUri(), allowedOrigins);
        if (refusal.isPresent()) {
            Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
            refusals.fire(new AccessRefused(caller == null ? "anonymous" : caller.getName(), "csrf",
                    request.getMethod() + " /api/" + request.getUriInfo().getPath(), refusal.get().detail()));
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "csrf", refusal.get().detail(),
                    refusal.get().header()));
        }
    }
}
