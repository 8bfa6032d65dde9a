package io.tracegate.requirement.interfaces;

import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.requirement.application.BaselineChange;
import io.tracegate.requirement.application.ReleaseBaselineLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code PUT /api/releases/{id}/baseline {"baselineId": 7}}: the baseline a DRAFT release is verified against. */
@Path("releases/{id}/baseline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseBaselineResource {

    @EJB
    ReleaseBaselineLink link;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ML_ENGINEER, SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "BaselineChoice")))
    public BaselineViews.LinkView use(@PathParam("id") long releaseId, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(BaselineRequests.BaselineChoice.class);
        Long baselineId = json.optionalLong("baselineId");
        if (baselineId == null) {
            throw new io.tracegate.platform.failure.InvalidInput("baselineId", "is required");
        }
        BaselineChange change = link.use(releaseId, baselineId);
        return new BaselineViews.LinkView(releaseId, baselineId, change.previousBaselineId(), change.invalidatedRequirements());
    }
}
