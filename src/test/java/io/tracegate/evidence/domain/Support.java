package io.tracegate.evidence.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * What may make a requirement PASSED on its own, written out plainly for the properties, independently of the
 * matrix code: a counting evidence item linked to it (named in the upload, or a test whose name spells the id) that
 * holds a passed test for it, a value meeting one of its criteria, or, for an analysis, review or inspection
 * requirement, an accepted file that is not a test report.
 */
final class Support {

    private Support() {
    }

    static boolean of(TraceInput input, TracedRequirement r) {
        boolean reviewNeeded = r.asil().ordinal() >= io.tracegate.requirement.domain.Asil.B.ordinal();
        String spelled = "_" + r.id().value().toLowerCase(Locale.ROOT).replace('-', '_') + "_";
        for (EvidenceFacts e : input.evidence()) {
            if (e.review() == ReviewState.REJECTED || suspect(input, e, r)) {
                continue;
            }
            boolean counts = !reviewNeeded || e.review() == ReviewState.ACCEPTED;
            boolean named = e.named().contains(r.id().value());
            for (TestFact t : e.tests()) {
                boolean linked = named || t.name().contains(spelled);
                if (linked && counts && t.outcome() == TestOutcome.PASSED) {
                    return true;
                }
            }
            if (named && counts && e.metrics().stream().anyMatch(m -> r.criteria().stream()
                    .anyMatch(c -> c.metric().equals(m.name()) && c.isMetBy(m.value())))) {
                return true;
            }
            if (named && r.method() != null && TracedRequirement.DOCUMENT_METHODS.contains(r.method())
                    && !e.testReport() && e.review() == ReviewState.ACCEPTED) {
                return true;
            }
        }
        return false;
    }

    private static boolean suspect(TraceInput input, EvidenceFacts e, TracedRequirement r) {
        return e.review() == ReviewState.ACCEPTED && e.reviewBaseline() != null
                && e.reviewBaseline() != input.baselineId()
                && !Objects.equals(input.earlierFingerprints().get(e.reviewBaseline()).get(r.id()), r.fingerprint());
    }
}
