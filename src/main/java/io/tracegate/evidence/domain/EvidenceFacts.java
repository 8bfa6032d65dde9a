package io.tracegate.evidence.domain;

import java.util.List;
import java.util.Set;

/**
 * What one evidence item contributes to the trace matrix.
 *
 * @param review         the item's latest review decision
 * @param reviewBaseline the baseline the release had when that decision was made; null when it had none or the
 *                       item is unreviewed. An acceptance made against an earlier version of a requirement is
 *                       suspect for it.
 * @param testReport     whether the file is a test report (a test report never counts as analysis evidence)
 * @param named          requirement ids named in the upload's metadata, as written: every metric and test of the
 *                       file counts for those that are in the baseline
 * @param metrics        the file's metrics with the upload's default scope applied
 */
public record EvidenceFacts(long id, String fileName, ReviewState review, Long reviewBaseline, boolean testReport,
                            Set<String> named, List<Metric> metrics, List<TestFact> tests) {

    public EvidenceFacts {
        named = Set.copyOf(named);
        metrics = List.copyOf(metrics);
        tests = List.copyOf(tests);
    }
}
