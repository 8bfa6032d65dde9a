package io.tracegate.audit.infrastructure;

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
 * The audit trail's event hash, "tracegate-audit-v1": SHA-256 over the format name, then per field (seq,
 * occurredAt as ISO-8601 UTC with six fraction digits, actor, action, subject type, subject id, before,
 * after, reason, previous hash) a line break and "-" for null or the UTF-8 length, ":" and the bytes.
 * The audit trail's own AuditChain defines it; this copy lets the package read the table without the trail's
 * entity classes, and its unit test pins it to hashes AuditChain computed. When both live in one branch,
 * this class should delegate to AuditChain.
 */
final class AuditEventHash {

    static final String GENESIS = "0".repeat(64);
    private static final String FORMAT = "tracegate-audit-v1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditEventHash() {
    }

    static String of(long seq, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                     String before, String after, String reason, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(FORMAT.getBytes(StandardCharsets.UTF_8));
        String time = TIME.format(occurredAt.truncatedTo(ChronoUnit.MICROS));
        for (String field : new String[] {Long.toString(seq), time, actor, action, subjectType, subjectId, before,
                after, reason, previousHash}) {
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
