package io.tracegate.evidence.domain;

/**
 * A linked test that did not pass, with where it was reported and why: what a reviewer or assessor needs to
 * see beside the verdict.
 *
 * @param file    the evidence file that reported it
 * @param message the failure, error or skip message as the report gave it; null when it gave none
 * @param passedIn another evidence file in which the same test passed, when there is one (the failure still counts)
 */
public record TestNote(long evidenceId, String file, String test, TestOutcome outcome, String message,
                       String passedIn) {

    /** One line: {@code SKIPPED suite.test (node.xml): rig offline}. */
    public String describe() {
        StringBuilder s = new StringBuilder(outcome.name()).append(' ').append(test).append(" (").append(file);
        if (passedIn != null) {
            s.append("; passed in ").append(passedIn);
        }
        s.append(')');
        if (message != null && !message.isBlank()) {
            s.append(": ").append(message.strip());
        }
        return s.toString();
    }
}
