package io.tracegate.release.interfaces;

import io.tracegate.platform.web.IfMatch;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.release.application.ReleaseRegistry;
import io.tracegate.release.domain.Release;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code /api/releases/{id}}: one release and its optimization recipe. */
@Path("releases/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    @EJB
    ReleaseRegistry registry;

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "the release; its ETag is its revision", content = @Content(schema = @Schema(ref = "ReleaseView")))
    public Response get(@PathParam("id") long id) {
        Release release = registry.withId(id);
        return Response.ok(ReleaseView.of(release)).tag(etagOf(release)).build();
    }

    @GET
    @Path("recipe")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "the recipe; the ETag is the release revision", content = @Content(schema = @Schema(ref = "RecipeView")))
    public Response recipe(@PathParam("id") long id) {
        Release release = registry.withId(id);
        RecipeView recipe = RecipeView.of(release);
        if (recipe == null) {
            throw new io.tracegate.platform.failure.NoSuchEntity("recipe of release", release.label());
        }
        return Response.ok(recipe).tag(etagOf(release)).build();
    }

    /**
     * Sets the recipe of a DRAFT release (shape: see {@link RecipeJson}). Send the release's ETag in
     * {@code If-Match} to make sure nobody changed it since you read it (412 otherwise; rules: {@link IfMatch}).
     */
    @PUT
    @Path("recipe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ML_ENGINEER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Recipe")))
    @APIResponse(responseCode = "200", description = "the recipe as stored", content = @Content(schema = @Schema(ref = "RecipeView")))
    public Response attachRecipe(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 InputStream body) {
        Release release = registry.attachRecipe(id, RecipeJson.read(JsonRequest.read(body)),
                IfMatch.version(ifMatch, "release"));
        return Response.ok(RecipeView.of(release)).tag(etagOf(release)).build();
    }

    static EntityTag etagOf(Release release) {
        return new EntityTag(Long.toString(release.revision()));
    }
}
