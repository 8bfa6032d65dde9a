package io.tracegate.trail.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * How events chain. An event's hash is the lower-case hex SHA-256 of its canonical form:
 *
 * <pre>
 * "tracegate-audit-v1"
 * then for each field, in this order: seq, occurredAt, actor, action, subjectType, subjectId, before,
 * after, reason, previousHash
 *     "\n" followed by "-" when the field is null, else by its UTF-8 byte length in decimal, ":" and the bytes
 * </pre>
 *
 * seq is written in decimal, occurredAt as ISO-8601 UTC with exactly six fraction digits
 * ({@code 2026-11-25T14:03:07.123456Z}; times are truncated to microseconds, which is what PostgreSQL and
 * H2 keep, so a hash survives the round trip through the database), previousHash as 64 lower-case hex
 * digits, {@link #GENESIS_HASH} for the first event. Length prefixes make the form unambiguous: no choice
 * of values makes two different events serialise alike. {@code deploy/verify-audit-trail.java} repeats
 * exactly this, so an export can be verified without Tracegate.
 */
public final class AuditChain {

    /** The previous hash of the first event. */
    public static final String GENESIS_HASH = "0".repeat(64);

    static final String FORMAT = "tracegate-audit-v1";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The precision the trail keeps: microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The fixed-precision UTC text of an instant, as hashed and exported. */
    public static String formatTime(Instant instant) {
        return TIME.format(truncate(instant));
    }

    /** The canonical bytes of an event (see the class comment). */
    public static byte[] canonical(long seq, String occurredAt, String actor, String action, String subjectType,
                                   String subjectId, String before, String after, String reason, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(FORMAT.getBytes(StandardCharsets.UTF_8));
        for (String field : new String[] {Long.toString(seq), occurredAt, actor, action, subjectType, subjectId,
                before, after, reason, previousHash}) {
            out.write('\n');
            if (field == null) {
                out.write('-');
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                out.write(':');
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** The hash of an event with these fields. */
    public static String hash(long seq, String occurredAt, String actor, String action, String subjectType,
                              String subjectId, String before, String after, String reason, String previousHash) {
        return sha256(canonical(seq, occurredAt, actor, action, subjectType, subjectId, before, after, reason,
                previousHash));
    }

    /** A verifier that takes the events one by one, in seq order, in constant memory. */
    public static ChainVerifier verifier() {
        return new ChainVerifier();
    }

    /** Verifies events given all at once (tests, small chains) against the recorded head. */
    public static ChainVerification verify(Iterable<AuditEvent> events, ChainHead recordedHead) {
        ChainVerifier verifier = verifier();
        for (AuditEvent event : events) {
            verifier.accept(event);
        }
        return verifier.finish(recordedHead);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
