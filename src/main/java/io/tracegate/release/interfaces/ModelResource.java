package io.tracegate.release.interfaces;

import io.tracegate.platform.paging.PageView;
import io.tracegate.platform.paging.Page;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.release.application.ModelCatalog;
import io.tracegate.release.application.ReleaseRegistry;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.SemanticVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code /api/models}: model families and the releases of each. */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @EJB
    ModelCatalog catalog;

    @EJB
    ReleaseRegistry registry;

    /** Registers a model: {@code {"name": "front-camera-object-detector", "description": "..."}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ML_ENGINEER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewModel")))
    @APIResponse(responseCode = "201", description = "the registered model", content = @Content(schema = @Schema(ref = "ModelView")))
    public Response register(InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(ReleaseRequests.NewModel.class);
        Model model = catalog.register(new ModelName(json.requiredString("name")), json.optionalString("description"));
        return Response.created(UriBuilder.fromPath("/api/models/{name}").build(model.name().value()))
                .entity(ModelView.of(model)).build();
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ModelViewPage")))
    public PageView<ModelView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(catalog.list(offset, limit).map(ModelView::of));
    }

    @GET
    @Path("{name}")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ModelView")))
    public ModelView get(@PathParam("name") String name) {
        return ModelView.of(catalog.named(new ModelName(name)));
    }

    /**
     * Opens a release of the model as a DRAFT:
     * {@code {"version": "2.1.0-int8", "description": "...", "referenceReleaseId": 12}}.
     */
    @POST
    @Path("{name}/releases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ML_ENGINEER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewRelease")))
    @APIResponse(responseCode = "201", description = "the DRAFT release; its ETag is its revision", content = @Content(schema = @Schema(ref = "ReleaseView")))
    public Response openRelease(@PathParam("name") String name, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(ReleaseRequests.NewRelease.class);
        Release release = registry.open(new ModelName(name), new SemanticVersion(json.requiredString("version")),
                json.optionalString("description"), json.optionalLong("referenceReleaseId"));
        return Response.created(UriBuilder.fromPath("/api/releases/{id}").build(release.id()))
                .tag(ReleaseResource.etagOf(release))
                .entity(ReleaseView.of(release)).build();
    }

    @GET
    @Path("{name}/releases")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ReleaseViewPage")))
    public PageView<ReleaseView> releases(@PathParam("name") String name,
                                          @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(registry.ofModel(new ModelName(name), offset, limit).map(ReleaseView::of));
    }
}
