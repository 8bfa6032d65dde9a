package io.tracegate.evidence.domain;

/**
 * How one test case ended. ERROR is a crash or harness problem, distinct from a failed assertion. FLAKY passed
 * only on a rerun after failing (Surefire's {@code flakyFailure}/{@code flakyError}); SKIPPED did not run
 * (skipped, disabled, todo, not run). Only PASSED can support a verdict of PASSED.
 */
public enum TestOutcome {
    PASSED, FAILED, ERROR, SKIPPED, FLAKY;

    /** A failed assertion or an error: fails the requirements the test is linked to. */
    public boolean isFailure() {
        return this == FAILED || this == ERROR;
    }
}
