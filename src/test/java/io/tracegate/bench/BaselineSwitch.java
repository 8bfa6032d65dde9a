package io.tracegate.bench;

import io.tracegate.evidence.domain.TraceInput;
import io.tracegate.evidence.domain.TracedRequirement;
import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace benchmark's release after a baseline switch: the same evidence and reviews against a changed baseline
 * in which 1 % of the ML requirements read differently (another fingerprint), 0.5 % are gone and 0.5 % are new.
 * The test reports were accepted under the release's previous baseline, so their links to the changed requirements
 * are suspect, as are the evaluation reports' (accepted under an even earlier one) where those differ.
 */
final class BaselineSwitch {

    static final long NEXT_BASELINE = 3;
    /** Every 100th ML requirement changes; every 200th (from the 50th) is removed, and as many new ones added. */
    private static final int CHANGED_EVERY = 100;
    private static final int REMOVED_EVERY = 200;

    private BaselineSwitch() {
    }

    /** What {@link #of} changes in the benchmark's release, for the report. */
    static String describe() {
        int ml = TraceDataSet.ML_REQUIREMENTS;
        int removed = (ml - REMOVED_EVERY / 4 + REMOVED_EVERY - 1) / REMOVED_EVERY;
        return "%,d requirements revised, %,d removed, %,d added".formatted((ml + CHANGED_EVERY - 1) / CHANGED_EVERY,
                removed, removed);
    }

    static TraceInput of(TraceInput current) {
        List<TracedRequirement> next = new ArrayList<>(current.requirements().size());
        Map<RequirementId, String> previous = new HashMap<>(current.requirements().size() * 2);
        List<TracedRequirement> removed = new ArrayList<>();
        int ml = 0;
        for (TracedRequirement r : current.requirements()) {
            previous.put(r.id(), r.fingerprint());
            if (!r.id().value().startsWith("MLR-")) {
                next.add(r);
                continue;
            }
            if (ml % CHANGED_EVERY == 0) {
                next.add(new TracedRequirement(r.id(), r.title() + " (revised)", r.asil(), r.parents(), r.criteria(),
                        r.method(), r.fingerprint() + "-revised"));
            } else if (ml % REMOVED_EVERY == REMOVED_EVERY / 4) {
                removed.add(r);
            } else {
                next.add(r);
            }
            ml++;
        }
        // New requirements under the removed ones' parents, with their criteria; no test names them yet.
        int n = TraceDataSet.ML_REQUIREMENTS;
        for (TracedRequirement r : removed) {
            n++;
            next.add(new TracedRequirement(new RequirementId(TraceDataSet.ml(n - 1)), "New ML requirement " + n, r.asil(),
                    r.parents(), r.criteria(), r.method(), "fp-new-" + n));
        }
        Map<Long, Map<RequirementId, String>> earlier = new HashMap<>(current.earlierFingerprints());
        earlier.put(current.baselineId(), previous);
        return new TraceInput(NEXT_BASELINE, next, current.evidence(), current.referenceMetrics(), earlier,
                current.waived(), current.findings(), current.waivedFindings());
    }
}
