package io.tracegate.evidence.domain;

import java.util.List;

/**
 * What a parser read out of one evidence file.
 *
 * @param format  the format that read it, e.g. {@code junit-xml}, {@code kpi-csv}, {@code trtexec-times}
 * @param metrics measured values
 * @param tests   test cases
 * @param notes   short remarks worth showing a reviewer (dialect detected, rows ignored and why)
 */
public record ParsedEvidence(String format, List<Metric> metrics, List<TestResult> tests, List<String> notes) {

    public ParsedEvidence {
        metrics = List.copyOf(metrics);
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
    }

    /** For files stored as opaque blobs (logs, recordings, engines): nothing to read. */
    public static ParsedEvidence opaque() {
        return new ParsedEvidence("opaque", List.of(), List.of(), List.of());
    }
}
