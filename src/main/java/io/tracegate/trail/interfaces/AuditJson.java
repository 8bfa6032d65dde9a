package io.tracegate.trail.interfaces;

import io.tracegate.trail.domain.AuditChain;
import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.ChainHead;
import io.tracegate.trail.domain.ChainVerification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.Writer;

/**
 * The JSON of audit events, the same in the API and in the export: every field of the canonical form in
 * its order, nulls written out, {@code occurredAt} exactly as hashed. The export (JSON Lines) is a header
 * line naming the format, one event per line, and a last line with the head the export ends at; a file
 * without that last line is incomplete.
 */
public final class AuditJson {

    /** The first line of an export. */
    public static final String FORMAT = "tracegate-audit-v1";

    private AuditJson() {
    }

    public static JsonObject event(AuditEvent event) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("seq", event.seq())
                .add("occurredAt", event.occurredAtText());
        text(json, "actor", event.actor());
        text(json, "action", event.action());
        text(json, "subjectType", event.subjectType());
        text(json, "subjectId", event.subjectId());
        text(json, "before", event.before());
        text(json, "after", event.after());
        text(json, "reason", event.reason());
        text(json, "previousHash", event.previousHash());
        text(json, "hash", event.hash());
        return json.build();
    }

    public static JsonObject verification(ChainVerification outcome) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("valid", outcome.valid())
                .add("events", outcome.events())
                .add("head", outcome.head());
        outcome.firstBroken().ifPresentOrElse(
                broken -> json.add("firstBroken", Json.createObjectBuilder()
                        .add("seq", broken.seq())
                        .add("problem", broken.problem().name())
                        .add("detail", broken.detail())),
                () -> json.addNull("firstBroken"));
        return json.build();
    }

    /** Writes the export's header line. */
    public static void header(Writer out) throws IOException {
        line(out, Json.createObjectBuilder().add("format", FORMAT).add("genesis", AuditChain.GENESIS_HASH).build());
    }

    public static void line(Writer out, AuditEvent event) throws IOException {
        line(out, event(event));
    }

    /** Writes the export's last line: where the chain ends. */
    public static void trailer(Writer out, ChainHead head) throws IOException {
        line(out, Json.createObjectBuilder().add("headSeq", head.seq()).add("headHash", head.hash()).build());
    }

    private static void line(Writer out, JsonObject json) throws IOException {
        out.write(json.toString());
        out.write('\n');
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
