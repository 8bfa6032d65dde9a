package io.tracegate.requirement.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON bodies the baseline resources accept: the allowed fields ({@code allowOnly(GitImport.class)}) and
 * the schema the OpenAPI document shows, in one record each.
 */
public final class BaselineRequests {

    private BaselineRequests() {
    }

    /** {@code POST /api/baselines/git}. */
    public record GitImport(@Schema(required = true) String repository, String ref, String directory, String name) {
    }

    /** {@code PUT /api/releases/{id}/baseline}. */
    public record BaselineChoice(@Schema(required = true) Long baselineId) {
    }
}
