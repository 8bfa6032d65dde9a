package io.tracegate.requirement.interfaces;

import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.platform.paging.PageView;
import io.tracegate.requirement.application.BaselineCatalog;
import io.tracegate.requirement.application.GitImportRequest;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementId;
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
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code /api/baselines}: import requirement baselines, read them, compare two. */
@Path("baselines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BaselineResource {

    @EJB
    BaselineCatalog catalog;

    /** Imports from Git: {@code {"repository": "...", "ref": "main", "directory": "requirements", "name": "..."}}. */
    @POST
    @Path("git")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "GitImport")))
    @APIResponse(responseCode = "201", description = "the imported baseline", content = @Content(schema = @Schema(ref = "BaselineSummary")))
    public Response importFromGit(InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(BaselineRequests.GitImport.class);
        RequirementBaseline baseline = catalog.importFromGit(new GitImportRequest(json.requiredString("repository"),
                json.optionalString("ref"), json.optionalString("directory"), json.optionalString("name")));
        return Response.created(UriBuilder.fromPath("/api/baselines/{id}").build(baseline.id()))
                .entity(BaselineViews.BaselineSummary.of(baseline)).build();
    }

    /**
     * Imports a ReqIF export sent as the request body:
     * {@code curl -T export.reqifz "$TG/api/baselines/reqif?fileName=export.reqifz&name=Perception%20v7"}.
     */
    @POST
    @Path("reqif")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    @APIResponse(responseCode = "201", description = "the imported baseline", content = @Content(schema = @Schema(ref = "BaselineSummary")))
    public Response importFromReqif(@QueryParam("fileName") String fileName, @QueryParam("name") String name,
                                    InputStream body) {
        RequirementBaseline baseline = catalog.importFromReqif(fileName, name, body);
        return Response.created(UriBuilder.fromPath("/api/baselines/{id}").build(baseline.id()))
                .entity(BaselineViews.BaselineSummary.of(baseline)).build();
    }

    /** The same, for clients (curl -T) that send PUT. */
    @jakarta.ws.rs.PUT
    @Path("reqif")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    @APIResponse(responseCode = "201", description = "the imported baseline", content = @Content(schema = @Schema(ref = "BaselineSummary")))
    public Response importFromReqifByPut(@QueryParam("fileName") String fileName, @QueryParam("name") String name,
                                         InputStream body) {
        return importFromReqif(fileName, name, body);
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "BaselineSummaryPage")))
    public PageView<BaselineViews.BaselineSummary> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                                        @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(catalog.list(offset, limit).map(BaselineViews.BaselineSummary::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(ANY_ROLE)
    public BaselineViews.BaselineDetail get(@PathParam("id") long id) {
        return BaselineViews.BaselineDetail.of(catalog.withId(id));
    }

    @GET
    @Path("{id}/requirements/{requirementId}")
    @RolesAllowed(ANY_ROLE)
    public BaselineViews.RequirementView requirement(@PathParam("id") long id,
                                                     @PathParam("requirementId") String requirementId) {
        return BaselineViews.RequirementView.of(catalog.requirement(id, new RequirementId(requirementId)));
    }

    /** What changed from baseline {@code id} to baseline {@code other}. */
    @GET
    @Path("{id}/diff/{other}")
    @RolesAllowed(ANY_ROLE)
    public BaselineViews.DiffView diff(@PathParam("id") long id, @PathParam("other") long other) {
        return BaselineViews.DiffView.of(id, other, catalog.diff(id, other));
    }
}
