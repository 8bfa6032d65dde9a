package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The release gate: green only when every requirement of the baseline is PASSED or WAIVED and no cross-check
 * finding of severity ERROR stands unwaived.
 *
 * @param blocking         the requirements that keep it red, worst first (at most {@link #SHOWN})
 * @param blockingFindings the unwaived ERROR findings, which keep it red too
 */
public record Gate(boolean green, Map<Verdict, Integer> counts, List<RequirementId> blocking,
                   List<Finding> blockingFindings) {

    public static final int SHOWN = 50;

    public Gate {
        counts = Map.copyOf(counts);
        blocking = List.copyOf(blocking);
        blockingFindings = List.copyOf(blockingFindings);
    }

    /** What keeps the gate red in words: finding codes first (there are few), then requirement ids. */
    public List<String> blockingNames() {
        List<String> names = new ArrayList<>();
        blockingFindings.forEach(f -> names.add("cross-check " + f.code()));
        blocking.forEach(id -> names.add(id.value()));
        return names;
    }
}
