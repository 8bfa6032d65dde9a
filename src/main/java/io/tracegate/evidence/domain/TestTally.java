package io.tracegate.evidence.domain;

import java.util.List;

/**
 * The linked test cases of one requirement, counted by outcome, with the first failing ones named and the
 * first that did not pass described (failures and errors first, then flaky, then skipped).
 */
public record TestTally(int passed, int failed, int errors, int skipped, int flaky, List<String> failing,
                        List<TestNote> notes) {

    public static final int NAMED = 10;

    public TestTally {
        failing = List.copyOf(failing);
        notes = List.copyOf(notes);
    }

    public static TestTally none() {
        return new TestTally(0, 0, 0, 0, 0, List.of(), List.of());
    }

    public int linked() {
        return passed + failed + errors + skipped + flaky;
    }
}
