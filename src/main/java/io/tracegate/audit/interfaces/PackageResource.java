package io.tracegate.audit.interfaces;

import io.tracegate.platform.web.StoredFile;
import io.tracegate.audit.application.AuditPackaging;
import io.tracegate.audit.application.PackageRecorder;
import io.tracegate.platform.paging.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;


import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/releases/{id}/packages}: generate an audit package of the release as it is now (waiting for
 * it, or with a job to poll for large releases), list them, download one (each download is an audit event).
 * <pre>curl -u ada:... -X POST $TG/api/releases/2/packages</pre>
 */
@Path("releases/{id}/packages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PackageResource {

    @EJB
    AuditPackaging packaging;

    @Inject
    @ConfigProperty(name = "tracegate.package.respond-within", defaultValue = "PT10S")
    Duration respondWithin;

    /**
     * Queues a package of the release as it is now and waits up to {@code tracegate.package.respond-within}
     * for it: 201 with the new package, or 200 with the earlier one when the release has not changed since
     * (same bytes). A package still being written after that (or at once, with {@code Prefer: respond-async})
     * gets 202 with the job to poll in {@code Location}.
     */
    @POST
    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    @APIResponse(responseCode = "201", description = "a new package", content = @Content(schema = @Schema(ref = "PackageView")))
    @APIResponse(responseCode = "200", description = "the earlier package: nothing changed since", content = @Content(schema = @Schema(ref = "PackageView")))
    @APIResponse(responseCode = "202", description = "still being written: poll the job in Location", content = @Content(schema = @Schema(ref = "PackageJobView")))
    public Response generate(@PathParam("id") long releaseId, @HeaderParam("Prefer") String prefer) {
        boolean async = prefer != null && Arrays.stream(prefer.split(","))
                .anyMatch(p -> p.trim().equalsIgnoreCase("respond-async"));
        AuditPackaging.Requested requested = packaging.request(releaseId, async ? Duration.ZERO : respondWithin);
        if (requested.recorded().isEmpty()) {
            PackageJobView job = PackageJobView.of(requested.job());
            return Response.accepted(job).location(URI.create(job.self())).header("Retry-After", "2")
                    .header("Preference-Applied", async ? "respond-async" : null).build();
        }
        PackageRecorder.Recorded recorded = requested.recorded().get();
        PackageView view = PackageView.of(recorded.auditPackage());
        if (!recorded.created()) {
            return Response.ok(view).build();
        }
        return Response.created(UriBuilder.fromPath("/api/releases/{r}/packages/{p}").build(releaseId, view.id()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PackageViewPage")))
    public PageView<PackageView> list(@PathParam("id") long releaseId,
                                      @QueryParam("offset") @DefaultValue("0") int offset,
                                      @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(packaging.list(releaseId, offset, limit).map(PackageView::of));
    }

    @GET
    @Path("{packageId: [0-9]+}")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PackageView")))
    public PackageView get(@PathParam("id") long releaseId, @PathParam("packageId") long packageId) {
        return PackageView.of(packaging.withId(releaseId, packageId));
    }

    /** The ZIP as stored, with its SHA-256 as ETag and RFC 9530 Repr-Digest; streamed, never held in memory. */
    @GET
    @Path("{packageId: [0-9]+}/content")
    @Produces("application/zip")
    @RolesAllowed({AUDITOR, APPROVER})
    public Response content(@PathParam("id") long releaseId, @PathParam("packageId") long packageId) {
        AuditPackaging.Download download = packaging.download(releaseId, packageId);
        return StoredFile.download(download.file(), download.auditPackage().sha256(), download.auditPackage().size(),
                download.auditPackage().fileName(), "application/zip");
    }
}
