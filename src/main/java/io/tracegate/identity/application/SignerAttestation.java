package io.tracegate.identity.application;

import io.tracegate.identity.domain.OneTimeCodes;
import io.tracegate.identity.domain.SecretSealing;
import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningFactors;
import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.identity.domain.SigningLockouts;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.failure.Throttled;
import io.tracegate.platform.security.CallerAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The two signing components of a person (21 CFR Part 11 §11.200): the password they chose and a code of the
 * authenticator they enrolled, which no administrator can set. Joins the caller's transaction. A refusal is
 * returned, not thrown, so the signing code can record it (and count it) in a transaction of its own before
 * answering; {@link #failed} counts a failed attempt and locks signing after {@code tracegate.signing.lock-after}.
 */
@ApplicationScoped
@Transactional
public class SignerAttestation {

    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

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
    CallerAuthentication authentication;

    /** The time codes and waits are measured against (a test moves it instead of waiting). */
    Clock clock = Clock.systemUTC();

    @Inject
    @ConfigProperty(name = "tracegate.signing.free-failures", defaultValue = "3")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "tracegate.signing.longest-delay", defaultValue = "PT15M")
    Duration longestDelay;

    @Inject
    @ConfigProperty(name = "tracegate.signing.lock-after", defaultValue = "10")
    int lockAfter;

    /** What refuses {@code signer} before any factor is checked: an API token, a lock, the throttle. */
    public Optional<SigningRefusal> barrier(String signer) {
        if (authentication.viaToken()) {
            return refusal("api token", new NotPermitted("Authorization", "an API token cannot sign: log in as yourself"));
        }
        Optional<SigningLockout> lockout = lockouts.of(signer);
        if (lockout.filter(SigningLockout::isLocked).isPresent()) {
            return refusal("locked", new NotPermitted("password", "signing is locked for " + signer + " since "
                    + lockout.get().lockedAt().orElseThrow() + " after " + lockout.get().failures()
                    + " failed attempts: an administrator must release it (POST /api/users/" + signer
                    + "/signing-lock/release)"));
        }
        Optional<Duration> wait = lockout.flatMap(l -> l.waitAt(clock.instant(), freeFailures, longestDelay));
        if (wait.isPresent()) {
            return refusal("throttled", new Throttled("password", "too many failed signing attempts in a row: wait "
                    + Math.max(1, (wait.get().toMillis() + 999) / 1000) + " s; nothing was checked", wait.get()));
        }
        return Optional.empty();
    }

    private static Optional<SigningRefusal> noAuthenticator(String signer) {
        return refusal("no authenticator", new NotPermitted("code", signer + " has no authenticator: enrol one "
                + "(POST /api/users/me/authenticator with your password, add the secret or QR code to an "
                + "authenticator app, then confirm with its first code) before signing"));
    }

    /**
     * Checks the password, that the signer has an authenticator, and then the code; on success spends the code's
     * time step (in the caller's transaction, with the authenticator row locked, so the same code cannot sign twice
     * even at once) and clears the count of failed attempts. A missing code after a right password counts as a
     * failure too, or it would tell a guesser which password was right for free.
     */
    public Optional<SigningRefusal> verify(String signer, char[] password, String code) {
        Optional<UserAccount> account = logins.withPassword(signer, password == null ? new char[0] : password);
        if (account.isEmpty()) {
            return counted("wrong password", new NotPermitted("password",
                    "the password does not match: re-enter your own password to sign"));
        }
        if (account.get().passwordChangeRequired()) {
            return counted("password set by an administrator", new NotPermitted("password", "your password was set "
                    + "by an administrator: choose your own (PUT /api/users/me/password) before signing"));
        }
        SigningFactor factor = factors.ofLocked(signer).filter(SigningFactor::isActive).orElse(null);
        if (factor == null) {
            return noAuthenticator(signer);
        }
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            return counted("missing code", new InvalidInput("code", "the 6-digit code your authenticator app shows "
                    + "is required with your password"));
        }
        byte[] secret = sealing.open(factor.sealedSecret(), signer);
        Instant now = clock.instant();
        OptionalLong step = codes.matchingStep(secret, code.strip(), now, factor::isFresh);
        if (step.isEmpty()) {
            boolean replayed = codes.matchesAnyStep(secret, code.strip(), now);
            return counted(replayed ? "replayed code" : "wrong code", new NotPermitted("code", replayed
                    ? "this authenticator code was already used: wait for the next one"
                    : "the authenticator code does not match: enter the code your app shows now"));
        }
        factor.used(step.getAsLong());
        lockouts.of(signer).filter(l -> l.failures() > 0).ifPresent(l -> lockouts.ofLocked(signer).succeeded());
        return Optional.empty();
    }

    /** Counts a failed attempt; true when it locked signing for the account. */
    public boolean failed(String signer) {
        return lockouts.ofLocked(signer).failed(clock.instant(), lockAfter);
    }

    private static Optional<SigningRefusal> refusal(String reason, io.tracegate.platform.failure.Failure failure) {
        return Optional.of(new SigningRefusal(reason, false, failure));
    }

    private static Optional<SigningRefusal> counted(String reason, io.tracegate.platform.failure.Failure failure) {
        return Optional.of(new SigningRefusal(reason, true, failure));
    }
}
