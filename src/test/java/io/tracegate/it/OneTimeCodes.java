package io.tracegate.it;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticator codes as a signer's phone computes them (RFC 6238, HMAC-SHA1, 6 digits), written here with the
 * JDK's HMAC and RFC 4226's truncation rather than the server's library, so the scenarios check the server
 * against an independent computation. The server refuses a time step it has already accepted for the account
 * (replay), so each call hands out a later step than the last one given for that secret: the current one, or
 * the next (within the server's ±1 step tolerance), waiting for the clock only when both are used.
 */
public final class OneTimeCodes {

    /** The demo's published authenticator secrets (Base32), as in the README's demo-login table. */
    public static final Map<String, String> DEMO_SECRETS = Map.of(
            "alex", "ALEXMOREAUDEMOAPPROVERTRACEGATE2",
            "kim", "KIMDEMOSAFETYMANAGERTRACEGATE234",
            "admin", "ADMINDEMOTRACEGATEADMINDEMO23456");

    /** The step the server uses in the integration tests (set for the failsafe run; 30 s, as apps use, otherwise). */
    public static final long PERIOD_SECONDS = Long.getLong("tracegate.it.totp-period", 30);

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private OneTimeCodes() {
    }

    /** A fresh code for a demo account. */
    public static String demo(String username) {
        return fresh(DEMO_SECRETS.get(username));
    }

    /** A fresh code for the secret: a step not handed out before, now or next. */
    public static String fresh(String base32Secret) {
        synchronized (LAST_STEP) {
            while (true) {
                long now = System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
                long step = Math.max(now, LAST_STEP.getOrDefault(base32Secret, Long.MIN_VALUE) + 1);
                if (step <= now + 1) {
                    LAST_STEP.put(base32Secret, step);
                    return at(base32Secret, step, 6, "HmacSHA1");
                }
                sleep(200);
            }
        }
    }

    /** The code of the step that is current now, whether or not it was handed out (to replay it on purpose). */
    public static String current(String base32Secret) {
        return at(base32Secret, System.currentTimeMillis() / 1000 / PERIOD_SECONDS, 6, "HmacSHA1");
    }

    /** A code that is none of those valid now (one of 10^6 - 3 others). */
    public static String wrong(String base32Secret) {
        long now = System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            boolean valid = false;
            for (long step = now - 2; step <= now + 2; step++) {
                valid |= code.equals(at(base32Secret, step, 6, "HmacSHA1"));
            }
            if (!valid) {
                return code;
            }
        }
    }

    /** RFC 4226 §5.3 over the 8-byte big-endian step counter. */
    public static String at(String base32Secret, long step, int digits, String hmac) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(base32(base32Secret), hmac));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int code = binary % (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", code);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 Base32 without padding, upper case. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
