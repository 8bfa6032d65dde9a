package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;

/**
 * The one transaction that makes a stored, parsed file visible as evidence: blob claim, item, metrics,
 * tests and verification links together, or none of them.
 */
@Stateless
public class EvidenceRecorder {

    @Inject
    Releases releases;

    @Inject
    EvidenceFiling filing;

    @Resource
    SessionContext caller;

    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Evidence record(EvidenceUpload upload, StoredBlob blob, ParsedEvidence parsed) {
        Release release = releases.withId(upload.releaseId())
                .orElseThrow(() -> new NoSuchEntity("release", upload.releaseId()));
        return filing.file(release, upload, blob, parsed, caller.getCallerPrincipal().getName(), Instant.now());
    }
}
