package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.List;
import java.util.Set;

/**
 * What one evidence item contributes to the trace matrix.
 *
 * @param explicit requirements named in the upload's metadata: every metric and test of the file counts for them
 * @param metrics  the file's metrics with the upload's default scope applied
 */
public record EvidenceFacts(long id, String fileName, ReviewState review, Set<RequirementId> explicit,
                            List<Metric> metrics, List<TestFact> tests) {

    public EvidenceFacts {
        explicit = Set.copyOf(explicit);
        metrics = List.copyOf(metrics);
        tests = List.copyOf(tests);
    }
}
