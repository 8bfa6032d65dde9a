package io.tracegate.trail.interfaces;

import io.tracegate.platform.paging.Page;
import io.tracegate.platform.paging.PageView;
import io.tracegate.platform.web.ContentDisposition;
import io.tracegate.trail.application.AuditLog;
import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.AuditFilter;
import io.tracegate.trail.domain.ChainHead;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/audit}: the trail's events, its verification, and its export. */
@Path("audit")
@RequestScoped
public class AuditResource {

    /** JSON Lines. */
    static final String JSON_LINES = "application/jsonl";

    @EJB
    AuditLog log;

    /** Events oldest first (newest last), optionally only those of one subject or action. */
    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "AuditEventViewPage")))
    public JsonObject events(@QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("limit") @DefaultValue("50") int limit,
                             @QueryParam("subjectType") String subjectType,
                             @QueryParam("subjectId") String subjectId,
                             @QueryParam("action") String action) {
        PageView.check(offset, limit);
        Page<AuditEvent> page = log.events(new AuditFilter(blankToNull(subjectType), blankToNull(subjectId),
                blankToNull(action)), offset, limit);
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(event -> items.add(AuditJson.event(event)));
        return Json.createObjectBuilder()
                .add("items", items)
                .add("offset", page.offset())
                .add("limit", page.limit())
                .add("total", page.total())
                .build();
    }

    /** {@code {"valid", "events", "head", "firstBroken": null | {"seq", "problem", "detail"}}}. */
    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ChainVerificationView")))
    public JsonObject verify() {
        return AuditJson.verification(log.verify());
    }

    /**
     * The whole trail as JSON Lines, streamed; verify it offline with
     * {@code java deploy/verify-audit-trail.java tracegate-audit-<n>.jsonl}.
     */
    @GET
    @Path("export")
    @Produces(JSON_LINES)
    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    public Response export() {
        ChainHead head = log.startExport();
        StreamingOutput stream = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            AuditJson.header(writer);
            log.eachUpTo(head, event -> {
                try {
                    AuditJson.line(writer, event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            AuditJson.trailer(writer, head);
            writer.flush();
        };
        return Response.ok(stream, JSON_LINES + "; charset=utf-8")
                .header("Content-Disposition", ContentDisposition.attachment("tracegate-audit-" + head.seq() + ".jsonl"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
