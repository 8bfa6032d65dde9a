package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.application.ReleaseTrace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/**
 * {@code /api/releases/{id}/trace}: the verdict of every requirement of the release's baseline, the
 * values and evidence behind it, and the gate. (A root path of its own: JAX-RS never falls back from one
 * resource class to another, so {@code releases/{id}} alone would hide the release resource's sub-paths.)
 */
@Path("releases/{id}/trace")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

    @EJB
    ReleaseTrace trace;

    @GET
    @RolesAllowed(ANY_ROLE)
    public TraceView matrix(@PathParam("id") long releaseId) {
        return TraceView.of(releaseId, trace.matrix(releaseId));
    }
}
