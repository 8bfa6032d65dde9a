package io.tracegate.audit.application;

import io.tracegate.approval.application.ReleaseReview;
import io.tracegate.approval.application.Signing;
import io.tracegate.approval.domain.ReleaseManifest;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.evidence.application.LatencyDistributions;
import io.tracegate.evidence.application.ReleaseCrossCheck;
import io.tracegate.evidence.application.ReleaseTrace;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceFile;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.EvidenceReview;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.platform.blob.BlobRecords;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.persistence.ReadOnlyTransaction;
import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.trail.domain.ReleaseHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Reads a release for its audit package, in two steps: the stored files that go in (where each one's bytes
 * are), then everything the package reports, in one transaction so the package shows one state: identity,
 * recipe and cross-check, baseline, trace matrix, KPIs and regression, evidence with reviews, signatures and
 * waivers, the audit trail.
 */
@Stateless
public class PackageAssembly {

    @Inject
    Releases releases;

    @Inject
    Artifacts artifacts;

    @Inject
    RequirementBaselines baselines;

    @Inject
    EvidenceItems evidence;

    @Inject
    BlobStore store;

    @Inject
    BlobRecords blobs;

    /**
     * Every byte of a stored file is checked against the CRC-32 recorded at upload; its SHA-256 is computed
     * again when it last matched longer ago than this (an upload hashes what it stores).
     */
    @Inject
    @ConfigProperty(name = "tracegate.package.rehash-after")
    Duration rehashAfter;

    @Inject
    ReleaseHistory history;

    @Inject
    ReadOnlyTransaction transaction;

    @EJB
    ReleaseTrace trace;

    @EJB
    ReleaseCrossCheck crossCheck;

    @EJB
    LatencyDistributions latencies;

    @EJB
    Signing signing;

    @EJB
    ReleaseReview review;

    /**
     * The stored files that go into the release's package, artifacts first, then evidence, each by id: where
     * their bytes are and how to check them. One short read, before the content: the package can take them in
     * while {@link #content} is read.
     */
    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public List<SourceFile> storedFiles(long releaseId) {
        transaction.readsOnly();
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        return sources(artifacts.of(release), evidence.files(releaseId), Instant.now().minus(rehashAfter));
    }

    /**
     * What the package says about the release. Read in a transaction after {@link #storedFiles}'s, so a file
     * stored in between is listed here and not there: {@link PackageContent#storedFilesDifferFrom} tells.
     */
    @RolesAllowed({AUDITOR, APPROVER, SAFETY_MANAGER, ADMIN})
    public PackageContent content(long releaseId) {
        transaction.readsOnly();
        Release release = releases.withId(releaseId).orElseThrow(() -> new NoSuchEntity("release", releaseId));
        List<Artifact> artifactList = artifacts.of(release);
        // Read once and handed to every use below: a release may have 20,000 items.
        List<Evidence> items = evidence.all(releaseId);
        Instant now = Instant.now();
        RequirementBaseline baseline = release.baselineId().flatMap(baselines::withId).orElseThrow();
        ReleaseManifest manifest = review.manifest(release, artifactList, baseline, items);
        ReleaseTrace.Traced traced = trace.traced(release, items);
        TraceMatrix matrix = traced.matrix();
        Signing.ApprovalStatus approval = signing.status(release, matrix, items);
        ReleaseCrossCheck.Report check = crossCheck.check(release, items);
        Times times = new Times();

        Map<Long, List<EvidenceReview>> reviews = evidence.reviewsOfRelease(releaseId);
        Map<Long, String> reviewStates = new HashMap<>();
        List<EvidenceLine> evidenceLines = new ArrayList<>();
        artifactList.forEach(a -> times.add(a.uploadedAt()));
        for (Evidence e : items) {
            Optional<EvidenceReview> latest = latestReview(e, reviews, times);
            reviewStates.put(e.id(), e.reviewState().name());
            evidenceLines.add(EvidenceLines.of(e, latest));
        }
        // The reference's evidence feeds the derived drops: its changes change this package too.
        release.reference().ifPresent(ref -> {
            Map<Long, List<EvidenceReview>> referenceReviews = evidence.reviewsOfRelease(ref.id());
            evidence.all(ref.id()).forEach(e -> latestReview(e, referenceReviews, times));
        });
        ReleaseHistory.History events = history.of(releaseId,
                artifactList.stream().map(Artifact::id).toList(), items.stream().map(Evidence::id).toList());
        events.events().forEach(e -> times.add(e.at()));
        times.addRelease(release);
        times.add(baseline.importedAt());
        approval.signatures().forEach(s -> times.add(s.signedAt()));
        approval.waivers().forEach(w -> {
            times.add(w.signedAt());
            if (!w.expiresAt().isAfter(now)) {
                times.add(w.expiresAt());
            }
        });

        List<PackageContent.KpiCheck> kpis = TraceLines.kpis(matrix);
        return new PackageContent(
                Summaries.of(release, matrix, approval, manifest),
                new PackageContent.Identity(artifactList.stream().map(IdentityLines::of).toList(),
                        IdentityLines.models(check)),
                new PackageContent.Optimization(RecipeFacts.of(release), IdentityLines.findings(check)),
                Summaries.baseline(baseline),
                TraceLines.of(matrix, reviewStates), kpis,
                traced.regression().rows().stream().map(Summaries::regression).toList(),
                TraceLines.latencies(latencies.of(items), kpis), evidenceLines, ApprovalLines.waivers(approval, now), ApprovalLines.of(approval), events,
                times.latest(), manifest.text());
    }

    /** The stored files, artifacts first, then evidence, each by id: where their bytes are and how to check them. */
    private List<SourceFile> sources(List<Artifact> artifactList, List<EvidenceFile> items, Instant rehashBefore) {
        Map<Sha256, BlobRecords.Checks> checks = blobs.checksOf(Stream.concat(artifactList.stream().map(Artifact::sha256),
                items.stream().map(EvidenceFile::sha256)).toList());
        List<SourceFile> files = new ArrayList<>(artifactList.size() + items.size());
        for (Artifact a : artifactList) {
            BlobRecords.Checks c = checks.get(a.sha256());
            files.add(IdentityLines.source(a, locate(a.sha256()), crcOf(c), due(c, rehashBefore)));
        }
        for (EvidenceFile e : items) {
            BlobRecords.Checks c = checks.get(e.sha256());
            files.add(EvidenceLines.source(e, locate(e.sha256()), crcOf(c), due(c, rehashBefore)));
        }
        return files;
    }

    /** @param byItem the release's reviews by evidence id, read in one query (one per item was 20,000 queries) */
    private static Optional<EvidenceReview> latestReview(Evidence e, Map<Long, List<EvidenceReview>> byItem, Times times) {
        times.add(e.uploadedAt());
        List<EvidenceReview> reviews = byItem.getOrDefault(e.id(), List.of());
        reviews.forEach(r -> times.add(r.reviewedAt()));
        return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.get(reviews.size() - 1));
    }

    private static OptionalLong crcOf(BlobRecords.Checks checks) {
        return checks == null ? OptionalLong.empty() : checks.crc32();
    }

    /** Whether a stored file's bytes are hashed again: when they last matched before the policy's horizon. */
    private static boolean due(BlobRecords.Checks checks, Instant rehashBefore) {
        return checks == null || checks.verifiedAt().isBefore(rehashBefore);
    }

    private Path locate(Sha256 digest) {
        return store.locate(digest).orElseThrow(() -> new IllegalStateException("blob " + digest
                + " is missing from the blob store: the package cannot include it"));
    }

    /** The newest of the facts a package shows: its timestamps, so an unchanged release gives the same bytes. */
    private static final class Times {
        private Instant latest = Instant.EPOCH;

        void add(Instant at) {
            if (at != null && at.isAfter(latest)) {
                latest = at;
            }
        }

        void addRelease(Release r) {
            add(r.createdAt());
            r.statusChangedAt().ifPresent(this::add);
            r.recipeUpdatedAt().ifPresent(this::add);
        }

        Instant latest() {
            return latest;
        }
    }
}
