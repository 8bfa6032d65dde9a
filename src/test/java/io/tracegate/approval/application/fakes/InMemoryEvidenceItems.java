package io.tracegate.approval.application.fakes;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceFacts;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.EvidenceReview;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.TestFact;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evidence items with their metrics and tests in maps. {@link #factsOf} builds what the trace matrix reads the
 * way the SQL does: review state and review baseline from the item, "test report" for JUnit XML, the ids the
 * upload names, and each test with the ids its properties named.
 */
public final class InMemoryEvidenceItems implements EvidenceItems {

    /** The format name of JUnit XML reports ({@code JunitXmlFormat.NAME}, which lives in infrastructure). */
    public static final String JUNIT_XML = "junit-xml";

    private final Map<Long, Evidence> items = new LinkedHashMap<>();
    private final Map<Long, List<Metric>> metrics = new HashMap<>();
    private final Map<Long, List<TestResult>> tests = new HashMap<>();
    private final Map<Long, List<Set<String>>> named = new HashMap<>();
    private final List<EvidenceReview> reviews = new ArrayList<>();
    private long nextId = 500;
    private long nextReviewId = 700;

    @Override
    public void add(Evidence evidence, List<Metric> metrics, List<TestResult> tests, List<Set<String>> named) {
        if (tests.size() != named.size()) {
            throw new IllegalArgumentException("one set of named ids per test");
        }
        Rows.withId(evidence, nextId++);
        items.put(evidence.id(), evidence);
        this.metrics.put(evidence.id(), List.copyOf(metrics));
        this.tests.put(evidence.id(), List.copyOf(tests));
        this.named.put(evidence.id(), List.copyOf(named));
    }

    @Override
    public void addReview(EvidenceReview review) {
        reviews.add(Rows.withId(review, nextReviewId++));
    }

    @Override
    public Optional<Evidence> withId(long id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public Optional<Evidence> sameUpload(long releaseId, String fileName, String sha256) {
        return all(releaseId).stream().filter(e -> e.fileName().equals(fileName) && e.sha256().hex().equals(sha256))
                .findFirst();
    }

    @Override
    public List<Evidence> page(long releaseId, int offset, int limit) {
        return all(releaseId).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public List<Evidence> all(long releaseId) {
        return items.values().stream().filter(e -> e.release().id() == releaseId).toList();
    }

    @Override
    public long count(long releaseId) {
        return all(releaseId).size();
    }

    @Override
    public List<EvidenceReview> reviewsOf(long evidenceId) {
        return reviews.stream().filter(r -> r.evidence().id() == evidenceId).toList();
    }

    @Override
    public Map<Long, List<EvidenceReview>> reviewsOfRelease(long releaseId) {
        return reviews.stream().filter(r -> r.evidence().release().id() == releaseId)
                .collect(Collectors.groupingBy(r -> r.evidence().id()));
    }

    @Override
    public List<Metric> metricsOf(long evidenceId) {
        return metrics.getOrDefault(evidenceId, List.of());
    }

    @Override
    public List<TestResult> testsOf(long evidenceId, int offset, int limit) {
        return tests.getOrDefault(evidenceId, List.of()).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public List<EvidenceFacts> factsOf(long releaseId, List<Evidence> items) {
        List<EvidenceFacts> facts = new ArrayList<>();
        for (Evidence e : items) {
            List<TestResult> results = tests.get(e.id());
            List<TestFact> testFacts = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                TestResult t = results.get(i);
                testFacts.add(new TestFact(t.suite(), t.name(), t.outcome(), t.message(), named.get(e.id()).get(i)));
            }
            facts.add(new EvidenceFacts(e.id(), e.fileName(), e.reviewState(), e.reviewBaselineId().orElse(null),
                    JUNIT_XML.equals(e.format()), e.explicitRequirements().stream().map(RequirementId::value)
                    .collect(Collectors.toSet()), metrics.get(e.id()), testFacts));
        }
        return facts;
    }
}
