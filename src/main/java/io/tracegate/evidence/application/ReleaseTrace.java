package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceFacts;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.Regression;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TraceInput;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.evidence.domain.TracedRequirement;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/**
 * Computes a release's trace matrix and gate from its baseline, evidence, links and reference release,
 * and its KPI regression against the reference and the previous release.
 */
@Stateless
public class ReleaseTrace {

    @Inject
    Releases releases;

    @Inject
    RequirementBaselines baselines;

    @Inject
    EvidenceItems items;

    @Inject
    io.tracegate.evidence.domain.Waivers waivers;

    @EJB
    ReleaseCrossCheck crossCheck;

    /** For other use cases in the same transaction (signing checks the gate). */
    @RolesAllowed(ANY_ROLE)
    public TraceMatrix matrixOf(Release release) {
        return TraceMatrix.compute(inputFor(release));
    }

    @RolesAllowed(ANY_ROLE)
    public TraceMatrix matrix(long releaseId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return TraceMatrix.compute(inputFor(release));
    }

    /** A release's KPI regression against its reference and the previous release of the model. */
    public record RegressionReport(Release release, java.util.Optional<Release> reference,
                                   java.util.Optional<Release> previous, List<Regression.Row> rows) {
    }

    /** The matrix and the regression of one release, computed from one read of its evidence. */
    public record Traced(TraceMatrix matrix, RegressionReport regression) {
    }

    @RolesAllowed(ANY_ROLE)
    public RegressionReport regression(long releaseId) {
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return regressionOf(release, metricsOf(items.factsOf(release.id())),
                release.reference().map(r -> metricsOf(items.factsOf(r.id()))).orElse(List.of()));
    }

    /**
     * For the audit package, which shows both: each release's evidence is read once instead of three times.
     *
     * @param items the release's evidence items, which the caller read already (for the cross-check's findings)
     */
    @RolesAllowed(ANY_ROLE)
    public Traced traced(Release release, List<Evidence> items) {
        List<EvidenceFacts> evidence = this.items.factsOf(release.id(), items);
        List<Metric> reference = release.reference().map(r -> metricsOf(this.items.factsOf(r.id()))).orElse(List.of());
        TraceMatrix matrix = TraceMatrix.compute(inputFor(release, evidence, reference, items));
        return new Traced(matrix, regressionOf(release, metricsOf(evidence), reference));
    }

    private RegressionReport regressionOf(Release release, List<Metric> current, List<Metric> reference) {
        java.util.Optional<Release> previous = releases.ofModel(release.model(), 0, 200).stream()
                .filter(r -> !r.id().equals(release.id()) && r.createdAt().isBefore(release.createdAt())
                        && release.reference().map(ref -> !ref.id().equals(r.id())).orElse(true))
                .findFirst();
        List<io.tracegate.requirement.domain.AcceptanceCriterion> criteria = release.baselineId()
                .flatMap(baselines::withId).map(b -> b.requirements().stream()
                        .flatMap(r -> r.criteria().stream()).distinct().toList()).orElse(List.of());
        return new RegressionReport(release, release.reference(), previous, Regression.between(current, reference,
                previous.map(r -> metricsOf(items.factsOf(r.id()))).orElse(List.of()), criteria));
    }

    /** The metrics of evidence that was not rejected, oldest upload first. */
    private static List<Metric> metricsOf(List<EvidenceFacts> facts) {
        return facts.stream().filter(e -> e.review() != ReviewState.REJECTED).flatMap(e -> e.metrics().stream()).toList();
    }

    TraceInput inputFor(Release release) {
        List<Evidence> all = items.all(release.id());
        return inputFor(release, items.factsOf(release.id(), all),
                release.reference().map(ref -> metricsOf(items.factsOf(ref.id()))).orElse(List.of()), all);
    }

    private TraceInput inputFor(Release release, List<EvidenceFacts> evidence, List<Metric> reference,
                                List<Evidence> evidenceItems) {
        RequirementBaseline baseline = release.baselineId().flatMap(baselines::withId)
                .orElseThrow(() -> new Conflict("baseline", "release " + release.label()
                        + " has no requirement baseline yet; link one with PUT /api/releases/" + release.id() + "/baseline"));
        List<TracedRequirement> requirements = baseline.requirements().stream()
                .map(r -> new TracedRequirement(r.id(), r.title(), r.asil(), r.parents(), r.criteria(),
                        r.verification().method(), r.fingerprint())).toList();
        Map<Long, Map<RequirementId, String>> earlier = new HashMap<>();
        for (EvidenceFacts e : evidence) {
            Long reviewed = e.reviewBaseline();
            if (reviewed != null && !reviewed.equals(baseline.id()) && !earlier.containsKey(reviewed)) {
                earlier.put(reviewed, baselines.fingerprints(reviewed));
            }
        }
        Instant now = Instant.now();
        return new TraceInput(baseline.id(), requirements, evidence, reference, earlier,
                waivers.validFor(release, now), crossCheck.findings(release, evidenceItems),
                waivers.findingCodesValidFor(release, now));
    }
}
