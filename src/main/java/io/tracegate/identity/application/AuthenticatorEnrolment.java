package io.tracegate.identity.application;

import io.tracegate.identity.domain.OneTimeCodes;
import io.tracegate.identity.domain.SecretSealing;
import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningFactors;
import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.identity.domain.SigningLockouts;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.security.CallerAuthentication;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * A signer enrols their own authenticator: with their own password (not one an administrator set) they get a new
 * secret, shown in this one answer only, and confirm it with a first code. Nobody can enrol for someone else, and
 * an active authenticator is replaced only through {@link AuthenticatorReset}. Administrators enrol too: they
 * confirm other people's authenticator resets with theirs.
 */
@Stateless
public class AuthenticatorEnrolment {

    static final String ISSUER = "Tracegate";

    @Inject
    Logins logins;

    @Inject
    SigningFactors factors;

    @Inject
    SigningLockouts lockouts;

    @Inject
    OneTimeCodes codes;

    @Inject
    SecretSealing sealing;

    @Inject
    AccountAudit audit;

    @Inject
    CallerAuthentication authentication;

    @Resource
    SessionContext caller;

    /** The new secret as the signer's app takes it: Base32 text and the otpauth URI (for the QR code). */
    public record Enrolment(String username, String secret, String keyUri) {
    }

    /** Where the caller's authenticator stands, and whether signing is locked for them; never the secret. */
    public record FactorState(String username, Optional<SigningFactor> factor, Optional<SigningLockout> lockout) {
    }

    @RolesAllowed({APPROVER, SAFETY_MANAGER, ADMIN})
    public Enrolment enrol(char[] password) {
        String me = me();
        if (authentication.viaToken()) {
            throw new NotPermitted("Authorization", "an API token cannot enrol an authenticator: log in as yourself");
        }
        UserAccount account = logins.withPassword(me, password == null ? new char[0] : password)
                .orElseThrow(() -> new NotPermitted("password", "the password does not match"));
        if (account.passwordChangeRequired()) {
            throw new NotPermitted("password", "your password was set by an administrator: choose your own "
                    + "(PUT /api/users/me/password) before enrolling an authenticator");
        }
        byte[] secret = codes.newSecret();
        try {
            String sealed = sealing.seal(secret, me);
            Optional<SigningFactor> existing = factors.ofLocked(me);
            if (existing.isPresent()) {
                existing.get().restart(sealed, Instant.now());
            } else {
                factors.add(SigningFactor.pending(me, sealed, Instant.now()));
            }
            audit.record(me, "authenticator.enrol-started", "user", me, existing.map(f -> f.state().name()).orElse(null),
                    "PENDING", null);
            return new Enrolment(me, codes.base32(secret), codes.keyUri(ISSUER, me, secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @RolesAllowed({APPROVER, SAFETY_MANAGER, ADMIN})
    public SigningFactor confirm(String code) {
        String me = me();
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            throw new InvalidInput("code", "the 6-digit code your authenticator app shows is required");
        }
        SigningFactor factor = factors.ofLocked(me).orElseThrow(() -> new Conflict("code", "no enrolment is pending: "
                + "POST /api/users/me/authenticator with your password first"));
        if (factor.isActive()) {
            throw new Conflict("code", me + "'s authenticator is already active");
        }
        byte[] secret = sealing.open(factor.sealedSecret(), me);
        OptionalLong step = codes.matchingStep(secret, code.strip(), Instant.now(), s -> true);
        Arrays.fill(secret, (byte) 0);
        if (step.isEmpty()) {
            throw new NotPermitted("code", "the code does not match the new secret: check the app's clock and enter "
                    + "the code it shows now");
        }
        factor.activate(step.getAsLong(), Instant.now());
        audit.record(me, "authenticator.enrolled", "user", me, "PENDING", "ACTIVE", null);
        return factor;
    }

    @RolesAllowed({APPROVER, SAFETY_MANAGER, ADMIN})
    public FactorState own() {
        String me = me();
        return new FactorState(me, factors.of(me), lockouts.of(me));
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
