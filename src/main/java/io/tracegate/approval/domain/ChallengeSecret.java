package io.tracegate.approval.domain;

import io.tracegate.platform.blob.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A signing challenge as the signer's client holds it: {@code tgc_} and 32 random bytes in base64url. The
 * server keeps only its SHA-256, so a database reader cannot redeem one.
 */
public record ChallengeSecret(String value) {

    private static final Pattern FORMAT = Pattern.compile("tgc_[A-Za-z0-9_-]{43}");

    public ChallengeSecret {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Tracegate signing challenge");
        }
    }

    public static ChallengeSecret generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ChallengeSecret("tgc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether {@code presented} has the shape of a challenge (checked before any lookup). */
    public static boolean wellFormed(String presented) {
        return presented != null && FORMAT.matcher(presented).matches();
    }

    public String sha256() {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)))
                    .hex();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ChallengeSecret[redacted]";
    }
}
