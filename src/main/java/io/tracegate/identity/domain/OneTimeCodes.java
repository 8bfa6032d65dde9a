package io.tracegate.identity.domain;

import java.time.Instant;
import java.util.OptionalLong;

/** Authenticator codes (RFC 6238 TOTP: HMAC-SHA1, 6 digits, the configured time step) and their secrets. */
public interface OneTimeCodes {

    /** A new random secret (160 bits, as RFC 4226 recommends). */
    byte[] newSecret();

    /** The time step {@code at} falls in. */
    long stepAt(Instant at);

    /**
     * The step within one step either side of {@code at} (clock skew) whose code is {@code code}, newest first
     * among those {@code fresh}; empty when none matches.
     */
    OptionalLong matchingStep(byte[] secret, String code, Instant at, java.util.function.LongPredicate fresh);

    /** Whether {@code code} is the code of any step within one step either side of {@code at}, fresh or not. */
    boolean matchesAnyStep(byte[] secret, String code, Instant at);

    /** The secret as authenticator apps take it (RFC 4648 Base32, no padding). */
    String base32(byte[] secret);

    /** The otpauth:// URI (Key Uri Format) an authenticator app reads from the QR code. */
    String keyUri(String issuer, String account, byte[] secret);

    /** The secret from its Base32 text (a published demo secret). */
    byte[] fromBase32(String text);
}
