package io.tracegate.evidence.application;

import io.tracegate.audit.domain.AuditEntry;
import io.tracegate.audit.domain.AuditTrail;
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
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.VerificationLink;
import io.tracegate.requirement.domain.VerificationLinks;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Files a stored, parsed evidence file with a release: explicit requirement ids checked against the
 * release's baseline, test cases linked by the ids they name, derived test metrics, blob claim, item and
 * verification links. Runs inside the caller's transaction; the caller decides who may do it (the upload
 * use case for users, the demo loader at start-up).
 */
@ApplicationScoped
public class EvidenceFiling {

    /** Subject kind of the verification links evidence creates. */
    public static final String LINK_KIND = "EVIDENCE";

    @Inject
    RequirementBaselines baselines;

    @Inject
    EvidenceItems items;

    @Inject
    VerificationLinks links;

    @Inject
    BlobRecords blobs;

    @Inject
    AuditTrail trail;

    public Evidence file(Release release, EvidenceUpload upload, StoredBlob blob, ParsedEvidence parsed, String by,
                         Instant now) {
        // Only a file with test cases is matched against every id of the baseline; for any other file just the
        // requirements it names are read. Loading a 5,000-requirement baseline as managed entities for every
        // upload made each flush of the upload's transaction check them all for changes (about a second each).
        Map<RequirementId, Requirement> requirements = parsed.tests().isEmpty() ? null
                : release.baselineId().flatMap(baselines::withId).map(RequirementBaseline::byId).orElse(Map.of());
        Map<RequirementId, Requirement> explicit = explicit(upload, release, requirements);
        List<Set<RequirementId>> testLinks = requirements == null ? List.of()
                : parsed.tests().stream().map(new RequirementMentions(requirements.keySet())::in).toList();
        List<Metric> metrics = withDerived(parsed, upload.scope());

        blobs.claim(blob, now);
        Evidence evidence = Evidence.record(release, upload.fileName(), parsed, blob, upload.contentType(),
                upload.scope(), explicit.keySet(), upload.provenance(), by, now);
        items.add(evidence, metrics, parsed.tests(), testLinks);

        Set<RequirementId> linked = new TreeSet<>(explicit.keySet());
        testLinks.forEach(linked::addAll);
        for (RequirementId id : linked) {
            Requirement requirement = explicit.containsKey(id) ? explicit.get(id) : requirements.get(id);
            links.add(VerificationLink.of(release.id(), requirement, LINK_KIND, evidence.id().toString(), now));
        }
        trail.record(new AuditEntry(by, "evidence.upload", "evidence", evidence.id().toString(), null,
                evidence.sha256().hex() + " " + evidence.format() + " " + evidence.fileName() + " to release " + release.id(),
                null));
        return evidence;
    }

    /**
     * The requirements the upload names, each checked against the release's baseline: looked up in
     * {@code requirements} when the whole baseline was read, one by one otherwise.
     */
    private Map<RequirementId, Requirement> explicit(EvidenceUpload upload, Release release,
                                                     Map<RequirementId, Requirement> requirements) {
        Map<RequirementId, Requirement> explicit = new TreeMap<>();
        for (String text : upload.requirements()) {
            RequirementId id = new RequirementId(text.trim());
            Optional<Long> baseline = release.baselineId();
            if (baseline.isEmpty() || requirements != null && requirements.isEmpty()) {
                throw new InvalidInput("requirement", "release " + release.label()
                        + " has no requirement baseline yet; link one before naming requirements");
            }
            Requirement requirement = requirements != null ? requirements.get(id)
                    : baselines.requirement(baseline.get(), id).orElse(null);
            if (requirement == null) {
                throw new InvalidInput("requirement", id + " is not in the release's requirement baseline");
            }
            explicit.put(id, requirement);
        }
        return explicit;
    }

    /**
     * The file's metrics with the upload's default scope, plus for test reports {@code test_count} and
     * {@code test_pass_rate} = passed / (passed + failed + errors), so criteria can ask for a pass rate.
     */
    static List<Metric> withDerived(ParsedEvidence parsed, Map<String, String> scope) {
        List<Metric> metrics = new ArrayList<>(parsed.metrics().size() + 2);
        parsed.metrics().forEach(m -> metrics.add(m.withDefaultScope(scope)));
        if (!parsed.tests().isEmpty()) {
            long passed = parsed.tests().stream().filter(t -> t.outcome() == TestOutcome.PASSED).count();
            long ran = parsed.tests().stream().filter(t -> t.outcome() != TestOutcome.SKIPPED).count();
            metrics.add(Metric.of("test_count", BigDecimal.valueOf(parsed.tests().size()), null, scope));
            if (ran > 0) {
                metrics.add(Metric.of("test_pass_rate", BigDecimal.valueOf(passed)
                        .divide(BigDecimal.valueOf(ran), MathContext.DECIMAL64).stripTrailingZeros(), null, scope));
            }
        }
        return metrics;
    }
}
