package io.tracegate.evidence.domain;

import java.util.List;

/** The linked test cases of one requirement, counted by outcome, with the first failing ones named. */
public record TestTally(int passed, int failed, int errors, int skipped, List<String> failing) {

    public static final int NAMED = 10;

    public static TestTally none() {
        return new TestTally(0, 0, 0, 0, List.of());
    }

    public int ran() {
        return passed + failed + errors;
    }
}
