package io.tracegate.evidence.interfaces;

import io.tracegate.platform.web.StoredFile;
import io.tracegate.evidence.application.EvidenceIntake;
import io.tracegate.evidence.application.EvidenceReviews;
import io.tracegate.evidence.application.EvidenceUpload;
import io.tracegate.evidence.application.UploadedEvidence;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceReview;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.paging.Page;
import io.tracegate.platform.paging.PageView;
import io.tracegate.platform.web.IfMatch;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /api/releases/{id}/evidence}: streaming upload with provenance as query parameters, listing,
 * content, parsed metrics and tests, reviews.
 * <pre>curl -u ci:... -T junit.xml "$TG/api/releases/7/evidence/files/junit.xml?sha256=...&amp;format=junit-xml&amp;requirement=MLR-ROB-SENSOR-FAULT&amp;scope=set=sensor-fault-injection&amp;ciSystem=gitlab-ci&amp;pipelineId=48211"</pre>
 */
@Path("releases/{id}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    /** RFC 9745: the former upload path is deprecated since 2026-12-06T00:00:00Z. */
    static final String DEPRECATED_SINCE = "@1796515200";

    @EJB
    EvidenceIntake intake;

    @EJB
    EvidenceReviews reviews;

    /** 201 with the new item, or 200 when the same file was uploaded before (a retry). */
    @PUT
    @Path("files/{fileName}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ML_ENGINEER, ADMIN})
    @APIResponse(responseCode = "201", description = "a new evidence item", content = @Content(schema = @Schema(ref = "EvidenceView")))
    @APIResponse(responseCode = "200", description = "the same file was uploaded before (a retry)", content = @Content(schema = @Schema(ref = "EvidenceView")))
    public Response upload(@PathParam("id") long releaseId, @PathParam("fileName") String fileName,
                           @BeanParam UploadQuery query, InputStream body) {
        EvidenceUpload upload = query.upload(releaseId, fileName);
        UploadedEvidence outcome = intake.upload(upload, body);
        EvidenceView view = EvidenceView.of(outcome.evidence());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(UriBuilder.fromPath("/api/releases/{r}/evidence/{e}").build(releaseId, view.id()))
                .entity(view).build();
    }

    /**
     * The upload's address until 2026-12: {@code PUT …/evidence/{fileName}} had the shape of
     * {@code GET …/evidence/{evidenceId}}, one template to OpenAPI, which generated clients cannot tell apart.
     * Kept for CI pipelines that still call it (an upload lost at night costs a HIL run), hidden from the
     * OpenAPI document, and marked with RFC 9745 {@code Deprecation} and a {@code successor-version} link.
     */
    @PUT
    @Path("{fileName}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ML_ENGINEER, ADMIN})
    @Operation(hidden = true)
    public Response uploadAtFormerPath(@PathParam("id") long releaseId, @PathParam("fileName") String fileName,
                                       @BeanParam UploadQuery query, InputStream body) {
        return Response.fromResponse(upload(releaseId, fileName, query, body))
                .header("Deprecation", DEPRECATED_SINCE)
                .link(UriBuilder.fromPath("/api/releases/{r}/evidence/files/{f}").build(releaseId, fileName),
                        "successor-version")
                .build();
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "EvidenceViewPage")))
    public PageView<EvidenceView> list(@PathParam("id") long releaseId,
                                       @QueryParam("offset") @DefaultValue("0") int offset,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        PageView.check(offset, limit);
        return PageView.of(intake.list(releaseId, offset, limit).map(EvidenceView::of));
    }

    @GET
    @Path("{evidenceId: [0-9]+}")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "the item; its ETag is its version", content = @Content(schema = @Schema(ref = "EvidenceView")))
    public Response get(@PathParam("id") long releaseId, @PathParam("evidenceId") long evidenceId) {
        Evidence evidence = intake.withId(releaseId, evidenceId);
        return Response.ok(EvidenceView.of(evidence)).tag(Long.toString(evidence.version())).build();
    }

    /** A metric as measured (with the upload's default scope applied). */
    public record MetricView(String metric, Map<String, String> scope, BigDecimal value, String unit, String text) {
        static MetricView of(Metric m) {
            return new MetricView(m.name(), m.scope(), m.value(), m.unit(), m.toString());
        }
    }

    @GET
    @Path("{evidenceId: [0-9]+}/metrics")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "MetricViewPage")))
    public PageView<MetricView> metrics(@PathParam("id") long releaseId, @PathParam("evidenceId") long evidenceId,
                                        @QueryParam("offset") @DefaultValue("0") int offset,
                                        @QueryParam("limit") @DefaultValue("100") int limit) {
        PageView.check(offset, limit);
        return PageView.of(Page.slice(intake.metrics(releaseId, evidenceId), offset, limit).map(MetricView::of));
    }

    /** A test case and the requirements of the release's baseline it names. */
    public record TestView(String suite, String name, String outcome, BigDecimal seconds, String message,
                           List<String> requirements) {
        static TestView of(EvidenceIntake.LinkedTest linked) {
            TestResult t = linked.test();
            return new TestView(t.suite(), t.name(), t.outcome().name(), t.seconds(), t.message(),
                    linked.requirements().stream().map(RequirementId::value).toList());
        }
    }

    @GET
    @Path("{evidenceId: [0-9]+}/tests")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "TestViewPage")))
    public PageView<TestView> tests(@PathParam("id") long releaseId, @PathParam("evidenceId") long evidenceId,
                                    @QueryParam("offset") @DefaultValue("0") int offset,
                                    @QueryParam("limit") @DefaultValue("100") int limit) {
        PageView.check(offset, limit);
        return PageView.of(intake.tests(releaseId, evidenceId, offset, limit).map(TestView::of));
    }

    /** The stored bytes as {@code application/octet-stream}, never rendered, with the SHA-256 as ETag. */
    @GET
    @Path("{evidenceId: [0-9]+}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(ANY_ROLE)
    public Response content(@PathParam("id") long releaseId, @PathParam("evidenceId") long evidenceId) {
        Evidence evidence = intake.withId(releaseId, evidenceId);
        return StoredFile.download(intake.contentOf(releaseId, evidenceId), evidence.sha256().hex(), evidence.size(),
                evidence.fileName(), MediaType.APPLICATION_OCTET_STREAM);
    }

    /** One review decision. */
    public record ReviewView(long id, long evidenceId, String decision, String comment, String reviewer,
                             Instant reviewedAt) {
        static ReviewView of(EvidenceReview r) {
            return new ReviewView(r.id(), r.evidence().id(), r.decision().name(), r.comment(), r.reviewer(), r.reviewedAt());
        }
    }

    /**
     * Accepts or rejects the item: {@code {"decision": "ACCEPTED", "comment": "..."}}; send the item's ETag
     * in {@code If-Match} to be sure nobody reviewed it meanwhile (412 otherwise; rules: {@link IfMatch}).
     */
    @POST
    @Path("{evidenceId: [0-9]+}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewReview")))
    @APIResponse(responseCode = "201", description = "the recorded review", content = @Content(schema = @Schema(ref = "ReviewView")))
    public Response review(@PathParam("id") long releaseId, @PathParam("evidenceId") long evidenceId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(NewReview.class);
        ReviewState decision = decisionOf(json.requiredString("decision"));
        EvidenceReview review = reviews.review(releaseId, evidenceId, decision, json.optionalString("comment"),
                IfMatch.version(ifMatch, "evidence item"));
        return Response.created(UriBuilder.fromPath("/api/releases/{r}/evidence/{e}/reviews").build(releaseId, evidenceId))
                .entity(ReviewView.of(review)).build();
    }

    @GET
    @Path("{evidenceId: [0-9]+}/reviews")
    @RolesAllowed(ANY_ROLE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ReviewViewPage")))
    public PageView<ReviewView> reviews(@PathParam("id") long releaseId, @PathParam("evidenceId") long evidenceId,
                                        @QueryParam("offset") @DefaultValue("0") int offset,
                                        @QueryParam("limit") @DefaultValue("100") int limit) {
        PageView.check(offset, limit);
        return PageView.of(Page.slice(reviews.reviewsOf(releaseId, evidenceId), offset, limit).map(ReviewView::of));
    }

    private static ReviewState decisionOf(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (!upper.equals("ACCEPTED") && !upper.equals("REJECTED")) {
            throw new InvalidInput("decision", "must be ACCEPTED or REJECTED, got '" + text + "'");
        }
        return ReviewState.valueOf(upper);
    }
}
