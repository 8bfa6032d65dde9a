package io.tracegate.evidence.domain;

import java.util.List;

/** One acceptance criterion of a requirement, the values it was judged on, and the outcome. */
public record CriterionResult(String criterion, Verdict verdict, List<Measurement> measurements) {

    public CriterionResult {
        measurements = List.copyOf(measurements);
    }
}
