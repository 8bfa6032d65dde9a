package io.tracegate.identity.interfaces;

import io.tracegate.identity.application.AuthenticatorEnrolment;
import io.tracegate.identity.application.AuthenticatorReset;
import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.identity.infrastructure.QrCodeImages;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * {@code /api/users/me/authenticator}: a signer enrols their own authenticator (the secret, its otpauth URI and QR
 * code appear in the enrolment answer only) and confirms it with a first code; {@code /api/users/{name}/
 * authenticator/reset-request} and its {@code confirmation}: two different people reset someone's authenticator.
 */
@Path("users/{username}/authenticator")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthenticatorResource {

    @EJB
    AuthenticatorEnrolment enrolment;

    @EJB
    AuthenticatorReset reset;

    /** The enrolment answer: shown once, never again by any request. */
    public record EnrolmentView(String username, String state, String secret, String otpauthUri, String qrCode,
                                String next) {
    }

    /** Where an authenticator stands; never its secret. */
    public record FactorView(String username, String state, Instant enrolledAt, String resetRequestedBy,
                             Instant resetRequestedAt, boolean signingLocked, int failedSigningAttempts) {
        static FactorView of(String username, SigningFactor factor, SigningLockout lockout) {
            return new FactorView(username, factor == null ? "NONE" : factor.state().name(),
                    factor == null ? null : factor.enrolledAt().orElse(null),
                    factor == null ? null : factor.resetRequestedBy().orElse(null),
                    factor == null ? null : factor.resetRequestedAt().orElse(null),
                    lockout != null && lockout.isLocked(), lockout == null ? 0 : lockout.failures());
        }
    }

    @GET
    @RolesAllowed({APPROVER, SAFETY_MANAGER, ADMIN})
    public FactorView state(@PathParam("username") String username) {
        ownOnly(username);
        AuthenticatorEnrolment.FactorState s = enrolment.own();
        return FactorView.of(s.username(), s.factor().orElse(null), s.lockout().orElse(null));
    }

    /** {@code {"password": "<your own>"}}: a new secret for your authenticator app, to confirm with its first code. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({APPROVER, SAFETY_MANAGER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "OwnPassword")))
    @APIResponse(responseCode = "201", description = "the new secret, shown this once", content = @Content(schema = @Schema(ref = "EnrolmentView")))
    public Response enrol(@PathParam("username") String username, InputStream body) {
        ownOnly(username);
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.OwnPassword.class);
        char[] password = json.requiredString("password").toCharArray();
        try {
            AuthenticatorEnrolment.Enrolment e = enrolment.enrol(password);
            return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                    .entity(new EnrolmentView(e.username(), "PENDING", e.secret(), e.keyUri(),
                            QrCodeImages.pngDataUri(e.keyUri()), "POST /api/users/me/authenticator/confirmation "
                            + "{\"code\": \"<the 6 digits your app shows>\"}")).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** {@code {"code": "123456"}}: the first code of the new secret; the authenticator signs from now on. */
    @POST
    @Path("confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({APPROVER, SAFETY_MANAGER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "FirstCode")))
    public FactorView confirm(@PathParam("username") String username, InputStream body) {
        ownOnly(username);
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.FirstCode.class);
        SigningFactor factor = enrolment.confirm(json.requiredString("code"));
        return FactorView.of(factor.username(), factor, null);
    }

    /** {@code {"reason", "password", "code"}} (your own password and code): the first of the two people. */
    @POST
    @Path("reset-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, SAFETY_MANAGER})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ResetRequest")))
    @APIResponse(responseCode = "202", description = "the reset, waiting for a second person", content = @Content(schema = @Schema(ref = "FactorView")))
    public Response requestReset(@PathParam("username") String username, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.ResetRequest.class);
        char[] password = json.requiredString("password").toCharArray();
        try {
            SigningFactor factor = reset.request(username, json.requiredString("reason"), password,
                    json.requiredString("code"));
            return Response.status(Response.Status.ACCEPTED).entity(FactorView.of(username, factor, null)).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** {@code {"password", "code"}} of a second administrator or safety manager: the authenticator is removed. */
    @POST
    @Path("reset-request/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, SAFETY_MANAGER})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ResetConfirmation")))
    public FactorView confirmReset(@PathParam("username") String username, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.ResetConfirmation.class);
        char[] password = json.requiredString("password").toCharArray();
        try {
            reset.confirm(username, password, json.requiredString("code"));
            return FactorView.of(username, null, null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void ownOnly(String username) {
        if (!"me".equals(username)) {
            throw new NotPermitted("username", "an authenticator is enrolled by its owner only: use "
                    + "/api/users/me/authenticator");
        }
    }
}
