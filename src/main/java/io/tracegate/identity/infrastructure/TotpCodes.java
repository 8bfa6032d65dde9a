package io.tracegate.identity.infrastructure;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.tracegate.identity.domain.OneTimeCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.codec.binary.Base32;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * RFC 6238 codes with java-otp (HMAC-SHA1, 6 digits: what authenticator apps compute), Base32 with commons-codec.
 * The time step is {@code tracegate.signing.totp-period} (30 s, the apps' default; the integration tests use a
 * shorter one so a signer need not wait for the next step between two signatures).
 */
@ApplicationScoped
public class TotpCodes implements OneTimeCodes {

    static final int DIGITS = 6;
    static final String ALGORITHM = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Duration period = Duration.ofSeconds(30);
    private int digits = DIGITS;
    private TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(period, DIGITS, ALGORITHM);

    /** The codes authenticator apps compute: SHA1, 6 digits, 30 s until configured otherwise. */
    public TotpCodes() {
    }

    /** Other parameters (RFC 6238's test vectors are 8 digits, with SHA256 and SHA512 too). */
    TotpCodes(Duration period, int digits, String algorithm) {
        this.period = period;
        this.digits = digits;
        this.generator = new TimeBasedOneTimePasswordGenerator(period, digits, algorithm);
    }

    @Inject
    void configure(@ConfigProperty(name = "tracegate.signing.totp-period", defaultValue = "PT30S") Duration configured) {
        if (configured.isNegative() || configured.getSeconds() < 1) {
            throw new IllegalArgumentException("tracegate.signing.totp-period must be at least one second: " + configured);
        }
        this.period = configured;
        this.generator = new TimeBasedOneTimePasswordGenerator(configured, DIGITS, ALGORITHM);
    }

    @Override
    public byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    @Override
    public long stepAt(Instant at) {
        return at.toEpochMilli() / period.toMillis();
    }

    @Override
    public OptionalLong matchingStep(byte[] secret, String code, Instant at, LongPredicate fresh) {
        long now = stepAt(at);
        for (long step = now + 1; step >= now - 1; step--) {
            if (fresh.test(step) && same(codeAt(secret, step), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public boolean matchesAnyStep(byte[] secret, String code, Instant at) {
        return matchingStep(secret, code, at, step -> true).isPresent();
    }

    /** The code of one time step, zero-padded. */
    String codeAt(byte[] secret, long step) {
        try {
            int code = generator.generateOneTimePassword(new SecretKeySpec(secret, "RAW"),
                    Instant.ofEpochMilli(step * period.toMillis()));
            return String.format(Locale.ROOT, "%0" + digits + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String base32(byte[] secret) {
        return new Base32().encodeAsString(secret).replace("=", "");
    }

    @Override
    public byte[] fromBase32(String text) {
        return new Base32().decode(text.toUpperCase(Locale.ROOT));
    }

    @Override
    public String keyUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + period.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Compares in constant time, so the answer's timing tells nothing about how much of a guess was right. */
    private static boolean same(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
