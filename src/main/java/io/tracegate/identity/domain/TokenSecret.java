package io.tracegate.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API token's secret as the client holds it: {@code tg_} followed by 32 random bytes from
 * {@link SecureRandom} in base64url without padding (46 characters). The server keeps only its SHA-256
 * and its first {@value #PREFIX_LENGTH} characters (the public prefix, for lookup and for people to
 * recognise a token in listings).
 * <p>
 * Why SHA-256 and not PBKDF2 like passwords: a slow hash only helps when the secret is guessable. 256
 * random bits cannot be brute-forced whatever the hash, so a fast hash loses nothing, and every API call
 * checks it.
 */
public record TokenSecret(String value) {

    public static final String MARK = "tg_";
    public static final int PREFIX_LENGTH = 12;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("tg_[A-Za-z0-9_-]{43}");

    public TokenSecret {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not a Tracegate API token");
        }
    }

    public static TokenSecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new TokenSecret(MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether {@code presented} has the shape of a Tracegate token (checked before any lookup). */
    public static boolean wellFormed(String presented) {
        return presented != null && FORMAT.matcher(presented).matches();
    }

    /** The token a client presented, or empty when it is not shaped like one. */
    public static java.util.Optional<TokenSecret> parse(String presented) {
        return wellFormed(presented) ? java.util.Optional.of(new TokenSecret(presented)) : java.util.Optional.empty();
    }

    public String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares this secret's hash with a stored one in constant time. */
    public boolean matches(String storedSha256) {
        return storedSha256 != null && MessageDigest.isEqual(sha256().getBytes(StandardCharsets.US_ASCII),
                storedSha256.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the secret itself: records print into logs. */
    @Override
    public String toString() {
        return prefix() + "…";
    }
}
