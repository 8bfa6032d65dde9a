package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.application.ReleaseTrace;
import io.tracegate.evidence.domain.Regression;
import io.tracegate.release.domain.Release;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/** {@code /api/releases/{id}/regression}: KPI deltas against the reference and previous release. */
@Path("releases/{id}/regression")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegressionResource {

    @EJB
    ReleaseTrace trace;

    /** Which releases were compared, and one row per measured metric. */
    public record RegressionView(long releaseId, String release, String reference, String previous,
                                 List<Regression.Row> metrics) {
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    public RegressionView regression(@PathParam("id") long releaseId) {
        ReleaseTrace.RegressionReport report = trace.regression(releaseId);
        return new RegressionView(releaseId, report.release().label(), report.reference().map(Release::label).orElse(null),
                report.previous().map(Release::label).orElse(null), report.rows());
    }
}
