package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Provenance;
import io.tracegate.platform.blob.Sha256;

import java.util.List;
import java.util.Map;

/**
 * An evidence upload as the client declared it, before a byte of the body is read.
 *
 * @param format       the declared format name, or null to detect it from the name and first bytes
 * @param requirements requirement ids named by the client; each must be in the release's baseline
 * @param scope        default scope entries for every metric of the file that does not set them
 */
public record EvidenceUpload(long releaseId, String fileName, Sha256 sha256, long declaredLength, String contentType,
                             String format, List<String> requirements, Map<String, String> scope,
                             Provenance provenance) {

    public EvidenceUpload {
        requirements = List.copyOf(requirements);
        scope = Map.copyOf(scope);
    }
}
