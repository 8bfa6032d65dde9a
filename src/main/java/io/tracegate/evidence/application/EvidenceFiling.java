package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.RequirementMentions;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.platform.blob.BlobRecords;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Files a stored, parsed evidence file with a release: the requirement ids the upload names (checked against the
 * release's baseline when it has one, kept as written when it has none yet), derived test metrics, blob claim and
 * item. Which requirements the file's tests name is not decided here: the trace matrix decides it against the
 * baseline the release has when it is computed, so the order of upload and baseline link does not matter. Runs
 * inside the caller's transaction; the caller decides who may do it (the upload use case for users, the demo
 * loader at start-up).
 */
@ApplicationScoped
public class EvidenceFiling {

    @Inject
    RequirementBaselines baselines;

    @Inject
    EvidenceItems items;

    @Inject
    BlobRecords blobs;

    @Inject
    AuditTrail trail;

    public Evidence file(Release release, EvidenceUpload upload, StoredBlob blob, ParsedEvidence parsed, String by,
                         Instant now) {
        Set<RequirementId> named = named(upload, release);
        List<Metric> metrics = withDerived(parsed, upload.scope());
        List<Set<String>> testNames = parsed.tests().stream().map(RequirementMentions::namedIn).toList();

        blobs.claim(blob, now);
        Evidence evidence = Evidence.record(release, upload.fileName(), parsed, blob, upload.contentType(),
                upload.scope(), named, upload.provenance(), by, now);
        items.add(evidence, metrics, parsed.tests(), testNames);
        trail.record(new AuditEntry(by, "evidence.upload", "evidence", evidence.id().toString(), null,
                evidence.sha256().hex() + " " + evidence.format() + " " + evidence.fileName() + " to release " + release.id(),
                null));
        return evidence;
    }

    /**
     * The requirements the upload names. With a baseline, each must be in it (a typo is refused at once, naming
     * it); without one they are kept as written, and the trace warns about any the baseline linked later lacks.
     */
    private Set<RequirementId> named(EvidenceUpload upload, Release release) {
        Set<RequirementId> named = new TreeSet<>();
        for (String text : upload.requirements()) {
            named.add(new RequirementId(text.trim()));
        }
        Optional<Long> baseline = release.baselineId();
        if (baseline.isPresent() && !named.isEmpty()) {
            // One read of the baseline's ids, not a lookup per id: an evaluation report may name hundreds, and each
            // lookup through the baseline_requirement view costs a scan of it.
            Set<RequirementId> ids = baselines.fingerprints(baseline.get()).keySet();
            for (RequirementId id : named) {
                if (!ids.contains(id)) {
                    throw new InvalidInput("requirement", id + " is not in the release's requirement baseline");
                }
            }
        }
        return named;
    }

    /**
     * The file's metrics with the upload's default scope, plus for test reports {@code test_count}, the tests
     * that ran (passed, failed or errored: skipped and flaky ones did not run to an outcome, so they cannot make a
     * count criterion pass), and {@code test_pass_rate} = passed / test_count, so criteria can ask for a pass rate.
     */
    static List<Metric> withDerived(ParsedEvidence parsed, Map<String, String> scope) {
        List<Metric> metrics = new ArrayList<>(parsed.metrics().size() + 2);
        parsed.metrics().forEach(m -> metrics.add(m.withDefaultScope(scope)));
        if (!parsed.tests().isEmpty()) {
            long passed = parsed.tests().stream().filter(t -> t.outcome() == TestOutcome.PASSED).count();
            long ran = parsed.tests().stream().filter(t -> t.outcome() == TestOutcome.PASSED || t.outcome().isFailure()).count();
            metrics.add(Metric.of("test_count", BigDecimal.valueOf(ran), null, scope));
            if (ran > 0) {
                metrics.add(Metric.of("test_pass_rate", BigDecimal.valueOf(passed)
                        .divide(BigDecimal.valueOf(ran), MathContext.DECIMAL64).stripTrailingZeros(), null, scope));
            }
        }
        return metrics;
    }
}
