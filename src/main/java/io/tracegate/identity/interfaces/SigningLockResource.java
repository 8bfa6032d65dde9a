package io.tracegate.identity.interfaces;

import io.tracegate.identity.application.SigningLocks;
import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.InputStream;

import static io.tracegate.platform.security.Roles.ADMIN;

/** {@code /api/users/{name}/signing-lock/release}: an administrator unlocks signing for an account, with a reason. */
@Path("users/{username}/signing-lock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningLockResource {

    @EJB
    SigningLocks locks;

    public record LockView(String username, boolean signingLocked, int failedSigningAttempts) {
    }

    /** {@code {"reason": "..."}}. */
    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "LockRelease")))
    public LockView release(@PathParam("username") String username, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.LockRelease.class);
        SigningLockout lockout = locks.release(username, json.optionalString("reason"));
        return new LockView(username, lockout.isLocked(), lockout.failures());
    }
}
