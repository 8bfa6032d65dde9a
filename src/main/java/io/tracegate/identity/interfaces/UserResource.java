package io.tracegate.identity.interfaces;

import io.tracegate.identity.application.UserDirectory;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.infrastructure.BrowserSessions;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.paging.PageView;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /api/users}: accounts with their printed names and roles. Accounts are deactivated, never
 * deleted; there is no DELETE.
 */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @EJB
    UserDirectory directory;

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed({ADMIN, SAFETY_MANAGER, AUDITOR})
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "UserViewPage")))
    public PageView<UserView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(directory.list(offset, limit).map(UserView::of));
    }

    /** The caller's own account. */
    @GET
    @Path("me")
    @RolesAllowed(ANY_ROLE)
    public UserView me() {
        return UserView.of(directory.own());
    }

    @GET
    @Path("{username}")
    @RolesAllowed({ADMIN, SAFETY_MANAGER, AUDITOR})
    public UserView get(@PathParam("username") String username) {
        return UserView.of(directory.named(username));
    }

    /**
     * Creates an account: {@code {"username", "printedName", "roles": [...], "password"}}. The printed name
     * is the full name electronic signatures show; the password (at least 12 characters, not the
     * username) is the initial one, which the user must replace before signing.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewUser")))
    @APIResponse(responseCode = "201", description = "the account", content = @Content(schema = @Schema(ref = "UserView")))
    public Response create(InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.NewUser.class);
        char[] password = json.requiredString("password").toCharArray();
        UserAccount account = directory.create(json.requiredString("username"), json.requiredString("printedName"),
                roles(json), password);
        Arrays.fill(password, '\0');
        return Response.created(UriBuilder.fromPath("/api/users/{name}").build(account.username()))
                .entity(UserView.of(account)).build();
    }

    /** Replaces the roles: {@code {"roles": ["APPROVER", "SAFETY_ENGINEER"]}}; applies from the next request. */
    @PUT
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "RoleChange")))
    public UserView changeRoles(@PathParam("username") String username, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.RoleChange.class);
        return UserView.of(directory.changeRoles(username, roles(json)));
    }

    /** Deactivates the account (no body): it can no longer log in by any method; its API tokens are revoked. */
    @POST
    @Path("{username}/deactivate")
    @RolesAllowed(ADMIN)
    public UserView deactivate(@PathParam("username") String username) {
        return UserView.of(directory.deactivate(username));
    }

    /** An administrator sets a new password {@code {"password"}}; the user must replace it before signing. */
    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "PasswordReset")))
    public UserView resetPassword(@PathParam("username") String username, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.PasswordReset.class);
        char[] password = json.requiredString("password").toCharArray();
        UserAccount account = directory.resetPassword(username, password);
        Arrays.fill(password, '\0');
        return UserView.of(account);
    }

    /**
     * The caller changes their own password: {@code {"currentPassword", "newPassword"}}. Other sessions of
     * the account end; this one stays. Not with an API token.
     */
    @PUT
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ANY_ROLE)
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "PasswordChange")))
    @APIResponse(responseCode = "204", description = "changed")
    public Response changeOwnPassword(InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.PasswordChange.class);
        char[] current = json.requiredString("currentPassword").toCharArray();
        char[] next = json.requiredString("newPassword").toCharArray();
        UserAccount account = directory.changeOwnPassword(current, next);
        Arrays.fill(current, '\0');
        Arrays.fill(next, '\0');
        BrowserSessions.restamp(request, account.username(), account.credentialStamp());
        return Response.noContent().build();
    }

    private static Set<String> roles(JsonFields json) {
        List<String> roles = json.optionalStrings("roles");
        if (roles.isEmpty()) {
            throw new InvalidInput("roles", "at least one role is required");
        }
        return new LinkedHashSet<>(roles);
    }
}
