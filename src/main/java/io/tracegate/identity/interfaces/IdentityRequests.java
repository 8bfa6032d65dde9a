package io.tracegate.identity.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of logins, accounts and tokens: the allowed fields ({@code allowOnly(NewUser.class)}) and the
 * schema the OpenAPI document shows, in one record each.
 */
public final class IdentityRequests {

    private IdentityRequests() {
    }

    /** {@code POST /api/session}. */
    public record Credentials(@Schema(required = true) String username, @Schema(required = true) String password) {
    }

    /** {@code POST /api/users}: the password is the initial one, at least 12 characters. */
    public record NewUser(@Schema(required = true) String username, @Schema(required = true) String printedName,
                          @Schema(required = true) List<String> roles, @Schema(required = true) String password) {
    }

    /** {@code PUT /api/users/{username}/roles}. */
    public record RoleChange(@Schema(required = true) List<String> roles) {
    }

    /** {@code PUT /api/users/{username}/password}. */
    public record PasswordReset(@Schema(required = true) String password) {
    }

    /** {@code PUT /api/users/me/password}. */
    public record PasswordChange(@Schema(required = true) String currentPassword,
                                 @Schema(required = true) String newPassword) {
    }

    /** {@code POST /api/tokens}: {@code expiresAt} or {@code validDays} (1–366), default 90 days. */
    public record NewToken(@Schema(required = true) String account, @Schema(required = true) String name,
                           @Schema(required = true, enumeration = {"upload"}) String scope, Instant expiresAt,
                           Integer validDays) {
    }

    /** {@code POST /api/users/me/authenticator}: the signer's own password, not one an administrator set. */
    public record OwnPassword(@Schema(required = true) String password) {
    }

    /** {@code POST /api/users/me/authenticator/confirmation}: the first code of the new secret. */
    public record FirstCode(@Schema(required = true, description = "6 digits from the authenticator app") String code) {
    }

    /** {@code POST /api/users/{name}/authenticator/reset-request}: the first of two people, with their own factors. */
    public record ResetRequest(@Schema(required = true) String reason, @Schema(required = true) String password,
                               @Schema(required = true) String code) {
    }

    /** {@code POST …/authenticator/reset-request/confirmation}: a second administrator or safety manager. */
    public record ResetConfirmation(@Schema(required = true) String password, @Schema(required = true) String code) {
    }

    /** {@code POST /api/users/{name}/signing-lock/release}. */
    public record LockRelease(@Schema(required = true) String reason) {
    }
}
