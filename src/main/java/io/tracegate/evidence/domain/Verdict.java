package io.tracegate.evidence.domain;

/**
 * A requirement's verdict in the trace matrix. The order of {@link #severity} decides how verdicts
 * combine up the decomposition: a parent is no better than its worst child.
 */
public enum Verdict {
    PASSED(0), WAIVED(0), NOT_COVERED(1), SUSPECT(2), FAILED(3);

    private final int severity;

    Verdict(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    /** Whether the gate accepts this verdict. */
    public boolean isGreen() {
        return severity == 0;
    }

    public Verdict worse(Verdict other) {
        return other.severity > severity ? other : this;
    }
}
