package io.tracegate.identity.interfaces;

import io.tracegate.identity.application.IssuedToken;
import io.tracegate.identity.application.TokenRegistry;
import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.TokenScope;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.paging.PageView;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static io.tracegate.platform.security.Roles.ADMIN;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /api/tokens}: API tokens for CI service accounts, used as {@code Authorization: Bearer tg_…}.
 * Administrators only. The secret is answered once, when issued; listings show metadata and the public
 * prefix. Revoking keeps the row.
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** Without {@code expiresAt} or {@code validDays}, a token lives this long. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    @EJB
    TokenRegistry registry;

    /**
     * Issues a token: {@code {"account": "ci-nightly", "name": "gitlab nightly", "scope": "upload",
     * "validDays": 90}} or {@code "expiresAt": "2027-06-30T00:00:00Z"} instead of {@code validDays}
     * (default 90 days, at most 366).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewToken")))
    @APIResponse(responseCode = "201", description = "the token, with its secret shown only here", content = @Content(schema = @Schema(ref = "TokenView")))
    public Response issue(InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(IdentityRequests.NewToken.class);
        IssuedToken issued = registry.issue(json.requiredString("account"), json.requiredString("name"),
                TokenScope.parse("scope", json.requiredString("scope")), expiry(json));
        return Response.created(UriBuilder.fromPath("/api/tokens/{id}").build(issued.token().id()))
                .cacheControl(CacheControl.valueOf("no-store"))
                .entity(TokenView.of(issued.token(), issued.secret().value())).build();
    }

    @GET
    @RolesAllowed(ADMIN)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TokenViewPage")))
    public PageView<TokenView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        PageView.check(offset, limit);
        return PageView.of(registry.list(offset, limit).map(token -> TokenView.of(token, null)));
    }

    @GET
    @Path("{id: [0-9]+}")
    @RolesAllowed(ADMIN)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TokenView")))
    public TokenView get(@PathParam("id") long id) {
        return TokenView.of(registry.get(id), null);
    }

    /** Revokes the token: from its next request on it gets 401. The record stays (state REVOKED). */
    @DELETE
    @Path("{id: [0-9]+}")
    @RolesAllowed(ADMIN)
    @APIResponse(responseCode = "200", description = "the revoked token", content = @Content(schema = @Schema(ref = "TokenView")))
    public TokenView revoke(@PathParam("id") long id) {
        ApiToken token = registry.revoke(id);
        return TokenView.of(token, null);
    }

    private static Instant expiry(JsonFields json) {
        String expiresAt = json.optionalString("expiresAt");
        Long validDays = json.optionalLong("validDays");
        if (expiresAt != null && validDays != null) {
            throw new InvalidInput("validDays", "give either expiresAt or validDays, not both");
        }
        if (validDays != null) {
            if (validDays < 1 || validDays > ApiToken.MAX_LIFETIME.toDays()) {
                throw new InvalidInput("validDays", "must be between 1 and " + ApiToken.MAX_LIFETIME.toDays());
            }
            return Instant.now().plus(Duration.ofDays(validDays));
        }
        if (expiresAt != null) {
            try {
                return OffsetDateTime.parse(expiresAt).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInput("expiresAt", "must be an ISO-8601 date and time with offset, e.g. 2027-06-30T00:00:00Z");
            }
        }
        return Instant.now().plus(DEFAULT_LIFETIME);
    }
}
