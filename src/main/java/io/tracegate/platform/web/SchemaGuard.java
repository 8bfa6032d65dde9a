package io.tracegate.platform.web;

import io.tracegate.platform.persistence.SchemaState;
import io.tracegate.platform.security.Roles;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 503 to every API call while the database schema is not migrated. Why (Flyway's reason, which may name
 * files and paths) is told to an administrator only; everyone else learns that the server is not ready.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class SchemaGuard implements ContainerRequestFilter {

    @Inject
    SchemaState schema;

    private static boolean administrator(ContainerRequestContext request) {
        return request.getSecurityContext() != null && request.getSecurityContext().isUserInRole(Roles.ADMIN);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        schema.failure().ifPresent(reason -> request.abortWith(Response.fromResponse(
                        Problem.response(Response.Status.SERVICE_UNAVAILABLE, "not-ready", administrator(request)
                                ? "Tracegate is not ready: " + reason
                                : "Tracegate is not ready; an administrator finds why in /health/ready or the server log",
                                null))
                .header("Retry-After", "30").build()));
    }
}
