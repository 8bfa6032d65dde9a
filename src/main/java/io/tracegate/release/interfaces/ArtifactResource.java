package io.tracegate.release.interfaces;

import io.tracegate.platform.web.StoredFile;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.paging.Page;
import io.tracegate.platform.paging.PageView;
import io.tracegate.release.application.ArtifactIntake;
import io.tracegate.release.application.UploadOutcome;
import io.tracegate.release.application.UploadRequest;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.ArtifactKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.util.Arrays;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/releases/{id}/artifacts}: streaming upload with a declared SHA-256, listing, download.
 * <pre>curl -u ml:... -T model.onnx "$TG/api/releases/7/artifacts/model.onnx?kind=ONNX_MODEL&amp;sha256=$(sha256sum ...)"</pre>
 */
@Path("releases/{id}/artifacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactResource {

    @EJB
    ArtifactIntake intake;

    /**
     * Streams the body into the store. The artifact becomes visible only when all bytes arrived and hash
     * to {@code sha256}; 201 for a new artifact, 200 when the same content was already there.
     */
    @PUT
    @Path("{fileName}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ML_ENGINEER, ADMIN})
    @APIResponse(responseCode = "201", description = "a new artifact", content = @Content(schema = @Schema(ref = "ArtifactView")))
    @APIResponse(responseCode = "200", description = "the same content was already there (a retry)", content = @Content(schema = @Schema(ref = "ArtifactView")))
    public Response upload(@PathParam("id") long releaseId, @PathParam("fileName") String fileName,
                           @QueryParam("kind") String kind, @QueryParam("sha256") String sha256,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           InputStream body) {
        UploadRequest request = new UploadRequest(releaseId, new ArtifactFileName(fileName), kindOf(kind),
                Sha256.parse("sha256", sha256), contentType, StoredFile.declaredLength(contentLength));
        UploadOutcome outcome = intake.upload(request, body);
        ArtifactView view = ArtifactView.of(outcome.artifact());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(UriBuilder.fromPath(view.content()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ArtifactViewPage")))
    public PageView<ArtifactView> list(@PathParam("id") long releaseId,
                                       @QueryParam("offset") @DefaultValue("0") int offset,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        PageView.check(offset, limit);
        return PageView.of(Page.slice(intake.of(releaseId), offset, limit).map(ArtifactView::of));
    }

    @GET
    @Path("by-id/{artifactId}")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ArtifactView")))
    public ArtifactView get(@PathParam("id") long releaseId, @PathParam("artifactId") long artifactId) {
        return ArtifactView.of(intake.withId(releaseId, artifactId));
    }

    /**
     * The stored bytes, always as {@code application/octet-stream} (never rendered by a browser), with the
     * SHA-256 as ETag and as an RFC 9530 {@code Repr-Digest}.
     */
    @GET
    @Path("by-id/{artifactId}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(ANY_ROLE)
    public Response content(@PathParam("id") long releaseId, @PathParam("artifactId") long artifactId) {
        Artifact artifact = intake.withId(releaseId, artifactId);
        return StoredFile.download(intake.contentOf(releaseId, artifactId), artifact.sha256().hex(), artifact.size(),
                artifact.fileName().value(), MediaType.APPLICATION_OCTET_STREAM);
    }

    static String contentPath(long releaseId, Artifact artifact) {
        return "/api/releases/" + releaseId + "/artifacts/by-id/" + artifact.id() + "/content";
    }

    private static ArtifactKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInput("kind", "is required; one of " + Arrays.toString(ArtifactKind.values()));
        }
        try {
            return ArtifactKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "unknown value '" + kind + "'; expected one of "
                    + Arrays.toString(ArtifactKind.values()));
        }
    }
}
