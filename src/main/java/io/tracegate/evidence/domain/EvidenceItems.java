package io.tracegate.evidence.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/** The evidence of all releases, with what was read out of each file. */
public interface EvidenceItems {

    /** Stores the item and its metrics and tests (each test with the requirement ids its properties list). */
    void add(Evidence evidence, List<Metric> metrics, List<TestResult> tests, List<Set<String>> named);

    void addReview(EvidenceReview review);

    Optional<Evidence> withId(long id);

    /** A retried upload: the same name and content in the same release. */
    Optional<Evidence> sameUpload(long releaseId, String fileName, String sha256);

    List<Evidence> page(long releaseId, int offset, int limit);

    /** Every item of the release, by id: for what must see them all (a package, the approval checks). */
    List<Evidence> all(long releaseId);

    /** The release's items as stored files, by id: {@link #all} without building the items. */
    default List<EvidenceFile> files(long releaseId) {
        return all(releaseId).stream().map(EvidenceFile::of).toList();
    }

    long count(long releaseId);

    List<EvidenceReview> reviewsOf(long evidenceId);

    /**
     * The reviews of every evidence item of a release, by item id, each item's oldest first (as
     * {@link #reviewsOf}); items without reviews are absent. One query instead of one per item.
     */
    Map<Long, List<EvidenceReview>> reviewsOfRelease(long releaseId);

    List<Metric> metricsOf(long evidenceId);

    List<TestResult> testsOf(long evidenceId, int offset, int limit);

    /** Everything the trace matrix needs about a release's evidence, in a few queries. */
    default List<EvidenceFacts> factsOf(long releaseId) {
        return factsOf(releaseId, all(releaseId));
    }

    /** The same for the release's items, which the caller has read already ({@link #all}): not read twice. */
    List<EvidenceFacts> factsOf(long releaseId, List<Evidence> items);
}
