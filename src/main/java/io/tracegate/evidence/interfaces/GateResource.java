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

/** {@code /api/releases/{id}/gate}: green or red, the count per verdict, and what blocks it. */
@Path("releases/{id}/gate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {

    @EJB
    ReleaseTrace trace;

    @GET
    @RolesAllowed(ANY_ROLE)
    public TraceView.GateView gate(@PathParam("id") long releaseId) {
        return TraceView.GateView.of(trace.matrix(releaseId).gate());
    }
}
