package io.tracegate.approval.interfaces;

import io.tracegate.approval.domain.SignatureMeaning;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The JSON bodies of the release review: the allowed fields ({@code allowOnly(Transition.class)}) and the
 * schema the OpenAPI document shows, in one record each.
 */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** {@code POST …/review/transitions}. */
    public record Transition(@Schema(required = true, enumeration = {"IN_REVIEW", "DRAFT", "RELEASED", "REVOKED"})
                             String to, String reason) {
    }

    /** {@code POST …/review/challenges}: the manifest digest the signer sees. */
    public record ChallengeRequest(@Schema(required = true) String manifestDigest) {
    }

    /** {@code POST …/review/signatures}: the password is re-entered for this signature only. */
    public record SignatureRequest(
            @Schema(required = true) SignatureMeaning meaning, @Schema(required = true) String manifestDigest, String challenge,
            @Schema(required = true) String password,
            @Schema(required = true, description = "the signer's current authenticator code (TOTP, RFC 6238)") String code,
            String comment) {
    }

    /** {@code POST …/review/waivers}: exactly one of {@code requirement} and {@code finding}. */
    public record WaiverRequest(String requirement, String finding, String justification,
                                @Schema(required = true) Instant expiresAt,
                                @Schema(required = true) String manifestDigest, String challenge,
                                @Schema(required = true) String password,
                                @Schema(required = true, description = "the signer's current authenticator code (TOTP, RFC 6238)")
                                String code) {
    }
}
