package io.tracegate.audit.interfaces;

import io.tracegate.audit.application.AuditPackaging;
import io.tracegate.platform.paging.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import static io.tracegate.platform.security.Roles.ANY_ROLE;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/releases/{id}/package-jobs}: the requests to write audit packages of a release, newest
 * first, and one job's progress, poll it until it is SUCCEEDED (then {@code packageLink}) or FAILED.
 * <pre>curl -u ada:... $TG/api/releases/2/package-jobs/51</pre>
 */
@Path("releases/{id}/package-jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PackageJobResource {

    @EJB
    AuditPackaging packaging;

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PackageJobViewPage")))
    public PageView<PackageJobView> list(@PathParam("id") long releaseId,
                                         @QueryParam("offset") @DefaultValue("0") int offset,
                                         @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(packaging.jobs(releaseId, offset, limit).map(PackageJobView::of));
    }

    @GET
    @Path("{jobId: [0-9]+}")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PackageJobView")))
    public PackageJobView get(@PathParam("id") long releaseId, @PathParam("jobId") long jobId) {
        return PackageJobView.of(packaging.job(releaseId, jobId));
    }
}
