package io.tracegate.identity.interfaces;

import io.tracegate.platform.openapi.ApiRecords;

import java.util.List;

/** The JSON bodies of {@code /api/session}, {@code /api/users} (with authenticators and signing locks) and {@code /api/tokens}, for the OpenAPI document. */
public final class IdentityApiRecords implements ApiRecords {

    @Override
    public List<Class<? extends Record>> records() {
        return List.of(
                IdentityRequests.Credentials.class,
                IdentityRequests.NewUser.class,
                IdentityRequests.RoleChange.class,
                IdentityRequests.PasswordReset.class,
                IdentityRequests.PasswordChange.class,
                IdentityRequests.NewToken.class,
                UserView.class,
                TokenView.class,
                SessionView.class,
                IdentityRequests.OwnPassword.class,
                IdentityRequests.FirstCode.class,
                IdentityRequests.ResetRequest.class,
                IdentityRequests.ResetConfirmation.class,
                IdentityRequests.LockRelease.class,
                AuthenticatorResource.EnrolmentView.class,
                AuthenticatorResource.FactorView.class,
                SigningLockResource.LockView.class);
    }
}
