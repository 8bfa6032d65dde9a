package io.tracegate.evidence.domain;

import java.util.Set;

/**
 * A test case as the trace matrix needs it. Kept small: a release can hold 100,000s.
 *
 * @param suite   the suite or class name; empty when the report has none
 * @param message the failure, error or skip message; null when passed or when the report gives none
 * @param named   the requirement ids the test names in a {@code requirement}/{@code requirements}/{@code verifies}
 *                property, as written: whether they are in the baseline is decided when the matrix is computed
 */
public record TestFact(String suite, String name, TestOutcome outcome, String message, Set<String> named) {

    public TestFact {
        suite = suite == null ? "" : suite;
        named = Set.copyOf(named);
    }

    /** {@code suite.name}, or the name alone without a suite. */
    public String qualifiedName() {
        return suite.isEmpty() ? name : suite + "." + name;
    }
}
