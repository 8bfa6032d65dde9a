package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.Set;

/**
 * A test case as the trace matrix needs it: its outcome and the requirements it names itself (through a
 * {@code requirement}/{@code verifies} property or its name). Kept small: a release can hold 100,000s.
 */
public record TestFact(String name, TestOutcome outcome, Set<RequirementId> requirements) {

    public TestFact {
        requirements = Set.copyOf(requirements);
    }
}
