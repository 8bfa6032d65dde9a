package io.tracegate.evidence.domain;

/** How one test case ended. ERROR is a crash or harness problem, distinct from a failed assertion. */
public enum TestOutcome {
    PASSED, FAILED, ERROR, SKIPPED
}
