package io.tracegate.approval.interfaces;

import io.tracegate.approval.application.ReleaseReview;
import io.tracegate.approval.application.Signing;
import io.tracegate.approval.domain.ReleaseManifest;
import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.SignatureMeaning;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.web.JsonFields;
import io.tracegate.platform.web.JsonRequest;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /api/releases/{id}/review}: the manifest, transitions, signatures, waivers and approval status.
 * Signing needs the signer's password (re-entered, never stored) and their authenticator's current {@code code} in
 * the body, and the manifest digest the signer saw; a stale digest is 409.
 */
@Path("releases/{id}/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    @EJB
    ReleaseReview review;

    @EJB
    Signing signing;

    /** The canonical manifest and its digest: recompute it with {@code sha256sum} over {@code text}. */
    public record ManifestView(long releaseId, int round, String digest, String text) {
    }

    @GET
    @Path("manifest")
    @RolesAllowed(ANY_ROLE)
    public ManifestView manifest(@PathParam("id") long releaseId) {
        ReleaseManifest manifest = review.manifest(releaseId);
        return new ManifestView(releaseId, roundOf(manifest), manifest.digest(), manifest.text());
    }

    /** The release's status after a transition. */
    public record StatusView(long releaseId, String status, int round, String manifestDigest, Instant changedAt,
                             String changedBy, String reason) {
        static StatusView of(Release r) {
            return new StatusView(r.id(), r.status().name(), r.reviewRound(), r.manifestDigest().orElse(null),
                    r.statusChangedAt().orElse(null), r.statusChangedBy().orElse(null), r.statusReason().orElse(null));
        }
    }

    /** {@code {"to": "IN_REVIEW" | "DRAFT" | "RELEASED" | "REVOKED", "reason": "..."}}. */
    @POST
    @Path("transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ML_ENGINEER, SAFETY_MANAGER, ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Transition")))
    public StatusView transition(@PathParam("id") long releaseId, @Context SecurityContext caller, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(ReviewRequests.Transition.class);
        String to = json.requiredString("to").trim().toUpperCase(Locale.ROOT);
        TransitionRoles.check(caller, to);
        String reason = json.optionalString("reason");
        Release release = switch (to) {
            case "IN_REVIEW" -> review.submit(releaseId);
            case "DRAFT" -> review.reopen(releaseId, reason);
            case "RELEASED" -> review.handOver(releaseId, reason);
            case "REVOKED" -> review.revoke(releaseId, reason);
            case "APPROVED", "REJECTED" -> throw new InvalidInput("to", to + " is reached by signatures: POST "
                    + "/api/releases/" + releaseId + "/review/signatures");
            default -> throw new InvalidInput("to", "unknown state '" + to + "'; one of IN_REVIEW, DRAFT, RELEASED, REVOKED");
        };
        return StatusView.of(release);
    }

    /** A signature as shown wherever it is displayed: printed name, UTC time, meaning (Part 11 §11.50). */
    public record SignatureView(long id, String signer, String printedName, Instant signedAt, String meaning,
                                String meaningInWords, String manifestDigest, int round, String comment,
                                boolean gateGreen, boolean obsolete) {
        static SignatureView of(Signature s, Release release) {
            return new SignatureView(s.id(), s.signer(), s.printedName(), s.signedAt(), s.meaning().name(),
                    s.meaning().words(), s.manifestDigest(), s.round(), s.comment(), s.gateGreen(), !s.isCurrentFor(release));
        }
    }

    /** A single-use signing challenge; {@code challenge} is shown only in this answer. */
    public record ChallengeView(String challenge, String manifestDigest, int round, Instant expiresAt) {
    }

    /**
     * {@code {"manifestDigest": "..."}}: a challenge to send with one signature or waiver over that digest,
     * valid for a few minutes (threat T15: a captured signing request cannot be replayed).
     */
    @POST
    @Path("challenges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ChallengeRequest")))
    @APIResponse(responseCode = "201", description = "the challenge, shown only here", content = @Content(schema = @Schema(ref = "ChallengeView")))
    public Response challenge(@PathParam("id") long releaseId, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(ReviewRequests.ChallengeRequest.class);
        Signing.IssuedChallenge issued = signing.challenge(releaseId, json.requiredString("manifestDigest"));
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(new ChallengeView(issued.secret().value(), issued.challenge().manifestDigest(),
                        issued.challenge().round(), issued.challenge().expiresAt())).build();
    }

    /**
     * {@code {"meaning": "APPROVE_HIL", "manifestDigest": "...", "challenge": "tgc_...", "password": "...",
     * "code": "123456", "comment": "..."}}.
     */
    @POST
    @Path("signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "SignatureRequest")))
    @APIResponse(responseCode = "201", description = "the signature", content = @Content(schema = @Schema(ref = "SignatureView")))
    public Response sign(@PathParam("id") long releaseId, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(ReviewRequests.SignatureRequest.class);
        SignatureMeaning meaning = meaningOf(json.requiredString("meaning"));
        char[] password = json.requiredString("password").toCharArray();
        try {
            Signature signature = signing.sign(releaseId, meaning, json.requiredString("manifestDigest"),
                    json.optionalString("challenge"), password, json.optionalString("code"), json.optionalString("comment"));
            Release release = signing.status(releaseId).release();
            return Response.status(Response.Status.CREATED).entity(SignatureView.of(signature, release)).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * A waiver with its justification and expiry, signed by a safety manager; for a requirement
     * ({@code requirement}, {@code verdictWaived}) or for a cross-check finding ({@code finding}), the other
     * fields null.
     */
    public record WaiverView(long id, String requirement, String finding, String verdictWaived, String justification,
                             Instant expiresAt, String signer, String printedName, Instant signedAt, int round,
                             String manifestDigest, boolean valid) {
        static WaiverView of(Waiver w, Release release) {
            return new WaiverView(w.id(), w.requirementId().map(RequirementId::value).orElse(null),
                    w.findingCode().orElse(null), w.verdictWaived().map(Enum::name).orElse(null), w.justification(),
                    w.expiresAt(), w.signer(), w.printedName(), w.signedAt(), w.round(), w.manifestDigest(),
                    w.isValidFor(release, Instant.now()));
        }
    }

    /**
     * {@code {"requirement" | "finding", "justification", "expiresAt", "manifestDigest", "challenge", "password", "code"}}:
     * exactly one of {@code requirement} (a requirement id) and {@code finding} (a cross-check finding code).
     */
    @POST
    @Path("waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({SAFETY_MANAGER})
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "WaiverRequest")))
    @APIResponse(responseCode = "201", description = "the signed waiver", content = @Content(schema = @Schema(ref = "WaiverView")))
    public Response waive(@PathParam("id") long releaseId, InputStream body) {
        JsonFields json = JsonRequest.read(body).allowOnly(ReviewRequests.WaiverRequest.class);
        String requirement = json.optionalString("requirement");
        String finding = json.optionalString("finding");
        if (requirement == null && finding == null) {
            throw new InvalidInput("requirement", "is required: the requirement id to waive, or 'finding' with a "
                    + "cross-check finding code instead");
        }
        if (requirement != null && finding != null) {
            throw new InvalidInput("finding", "a waiver is for one requirement or one finding: give 'requirement' or "
                    + "'finding', not both");
        }
        char[] password = json.requiredString("password").toCharArray();
        try {
            String justification = json.optionalString("justification");
            Instant expiresAt = instant(json.requiredString("expiresAt"));
            String digest = json.requiredString("manifestDigest");
            String challenge = json.optionalString("challenge");
            Waiver waiver = requirement != null
                    ? signing.waive(releaseId, new RequirementId(requirement), justification, expiresAt, digest,
                            challenge, password, json.optionalString("code"))
                    : signing.waiveFinding(releaseId, finding.strip(), justification, expiresAt, digest, challenge,
                            password, json.optionalString("code"));
            Release release = signing.status(releaseId).release();
            return Response.status(Response.Status.CREATED).entity(WaiverView.of(waiver, release)).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Who has to sign what, what is signed, and what is still missing. */
    public record ApprovalView(long releaseId, String status, int round, String manifestDigest, String highestAsil,
                               String rule, List<String> missing, List<SignatureView> signatures,
                               List<WaiverView> waivers) {
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    public ApprovalView status(@PathParam("id") long releaseId) {
        Signing.ApprovalStatus s = signing.status(releaseId);
        Release r = s.release();
        return new ApprovalView(releaseId, r.status().name(), r.reviewRound(), r.manifestDigest().orElse(null),
                s.highestAsil().name(), s.rule().describe(), s.missing(),
                s.signatures().stream().map(x -> SignatureView.of(x, r)).toList(),
                s.waivers().stream().map(w -> WaiverView.of(w, r)).toList());
    }

    private static int roundOf(ReleaseManifest manifest) {
        return manifest.text().lines().filter(l -> l.startsWith("round ")).findFirst()
                .map(l -> Integer.parseInt(l.substring(6))).orElse(0);
    }

    private static SignatureMeaning meaningOf(String text) {
        try {
            return SignatureMeaning.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("meaning", "unknown meaning '" + text + "'; one of " + Arrays.toString(SignatureMeaning.values()));
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expiresAt", "is not an ISO-8601 UTC time such as 2027-03-31T00:00:00Z");
        }
    }
}
