package io.tracegate.platform.web;

import io.tracegate.platform.persistence.SchemaState;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Answers 503 to every API call while the database schema is not migrated, naming why. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class SchemaGuard implements ContainerRequestFilter {

    @Inject
    SchemaState schema;

    @Override
    public void filter(ContainerRequestContext request) {
        schema.failure().ifPresent(reason -> request.abortWith(Response.fromResponse(
                        Problem.response(Response.Status.SERVICE_UNAVAILABLE, "not-ready",
                                "Tracegate is not ready: " + reason, null))
                .header("Retry-After", "30").build()));
    }
}
