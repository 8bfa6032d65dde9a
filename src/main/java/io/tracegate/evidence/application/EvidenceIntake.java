package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.RequirementMentions;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.blob.UploadProtocol;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.paging.Page;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;

/**
 * Takes evidence uploads by the {@link UploadProtocol}: checks everything that needs no body first, streams
 * the body into the blob store outside any transaction, parses the stored file (bounded by each format's
 * limits), and records item, metrics and tests in one transaction. A refused file leaves no row; its blob, if nothing
 * else claims it, is removed by the sweeper.
 */
@Stateless
public class EvidenceIntake {

    @Inject
    Releases releases;

    @Inject
    EvidenceItems items;

    @Inject
    RequirementBaselines baselines;

    @Inject
    BlobStore store;

    @Inject
    EvidenceReader reader;

    @Inject
    UploadProtocol protocol;

    @EJB
    EvidenceRecorder recorder;

    @RolesAllowed({ML_ENGINEER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UploadedEvidence upload(EvidenceUpload upload, InputStream body) {
        Release release = releases.withId(upload.releaseId())
                .orElseThrow(() -> new NoSuchEntity("release", upload.releaseId()));
        release.ensureAcceptsContentChanges();
        reader.declared(upload.format(), upload.contentType());
        if (upload.declaredLength() == 0) {
            throw new InvalidInput("file", upload.fileName() + ": the evidence file is empty");
        }
        UploadProtocol.Uploaded<Evidence> uploaded = protocol.upload(body, upload.sha256(), upload.declaredLength(),
                () -> items.sameUpload(upload.releaseId(), upload.fileName(), upload.sha256().hex()),
                blob -> {
                    ParsedEvidence parsed = parse(upload, blob);
                    return () -> recorder.record(upload, blob, parsed);
                });
        return new UploadedEvidence(uploaded.record(), uploaded.created());
    }

    /** Parses the stored file outside any transaction, bounded by its format's limits. */
    private ParsedEvidence parse(EvidenceUpload upload, StoredBlob blob) {
        if (blob.size() == 0) {
            throw new InvalidInput("file", upload.fileName() + ": the evidence file is empty");
        }
        Path file = store.existing(blob.sha256(), "upload " + upload.fileName());
        return reader.read(upload.fileName(), upload.format(), upload.contentType(), file);
    }

    @RolesAllowed(ANY_ROLE)
    public Page<Evidence> list(long releaseId, int offset, int limit) {
        releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return new Page<>(items.page(releaseId, offset, limit), offset, limit, items.count(releaseId));
    }

    @RolesAllowed(ANY_ROLE)
    public Evidence withId(long releaseId, long evidenceId) {
        return items.withId(evidenceId).filter(e -> e.release().id() == releaseId)
                .orElseThrow(() -> new NoSuchEntity("evidence", releaseId + "/" + evidenceId));
    }

    @RolesAllowed(ANY_ROLE)
    public List<Metric> metrics(long releaseId, long evidenceId) {
        return items.metricsOf(withId(releaseId, evidenceId).id());
    }

    /** A test case and the requirements of the release's current baseline it names (none without a baseline). */
    public record LinkedTest(TestResult test, List<RequirementId> requirements) {
    }

    @RolesAllowed(ANY_ROLE)
    public Page<LinkedTest> tests(long releaseId, long evidenceId, int offset, int limit) {
        Evidence e = withId(releaseId, evidenceId);
        RequirementMentions mentions = new RequirementMentions(e.release().baselineId()
                .map(baselines::fingerprints).map(Map::keySet).orElse(Set.of()));
        List<LinkedTest> tests = items.testsOf(e.id(), offset, limit).stream()
                .map(t -> new LinkedTest(t, mentions.in(t).stream().sorted().toList())).toList();
        return new Page<>(tests, offset, limit, e.testCount());
    }

    /** Where the stored bytes are; they are served as stored, never interpreted. */
    @RolesAllowed(ANY_ROLE)
    public Path contentOf(long releaseId, long evidenceId) {
        Evidence e = withId(releaseId, evidenceId);
        return store.existing(e.sha256(), "evidence " + evidenceId);
    }
}
