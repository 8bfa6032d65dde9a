package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.List;
import java.util.Map;

/**
 * The release gate: green only when every requirement of the baseline is PASSED or WAIVED.
 *
 * @param blocking the requirements that keep it red, worst first (at most {@link #SHOWN})
 */
public record Gate(boolean green, Map<Verdict, Integer> counts, List<RequirementId> blocking) {

    public static final int SHOWN = 50;

    public Gate {
        counts = Map.copyOf(counts);
        blocking = List.copyOf(blocking);
    }
}
