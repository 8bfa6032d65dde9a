package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.CriterionLine;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.TestLine;
import io.tracegate.audit.domain.PackageContent.TraceLine;
import io.tracegate.audit.domain.PackageContent.ValueLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * traceability.csv: the trace matrix of the report, one line per value a criterion was judged on (a
 * requirement without values still gets one line), then one line per linked test that did not pass, UTF-8,
 * CRLF, a header line, written row by row. A test's line names the evidence file that reported it in the
 * evidence columns and has its outcome and full message in the last columns, so filtering test_outcome in a
 * spreadsheet lists every failed or skipped test with its requirement, verdict and reason; the report shows
 * the messages shortened. New columns go at the end, so readers of the older columns keep working.
 */
final class TraceabilityCsv {

    static final List<String> HEADER = List.of("requirement", "asil", "parents", "title", "requirement_verdict",
            "reason", "criterion", "criterion_verdict", "evidence_id", "evidence_file", "evidence_path",
            "evidence_sha256", "measured", "value", "derived", "met", "counts", "review", "tests", "test", "test_outcome",
            "test_message", "test_passed_in");
    private static final List<String> NO_TEST = List.of("", "", "", "");

    private TraceabilityCsv() {
    }

    static void write(PackageContent content, Path target) {
        Map<Long, EvidenceLine> evidence = content.evidence().stream()
                .collect(Collectors.toMap(EvidenceLine::id, Function.identity()));
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(CsvCells.row(HEADER));
            for (TraceLine t : content.trace()) {
                List<String> requirement = List.of(t.requirement(), t.asil(), String.join(" ", t.parents()), t.title(),
                        t.verdict(), t.reason());
                boolean any = false;
                for (CriterionLine c : t.criteria()) {
                    if (c.values().isEmpty()) {
                        out.write(CsvCells.row(concat(requirement, List.of(c.criterion(), c.verdict(), "", "", "", "",
                                "", "", "", "", "", ""), t.tests())));
                        any = true;
                    }
                    for (ValueLine v : c.values()) {
                        EvidenceLine e = evidence.get(v.evidenceId());
                        out.write(CsvCells.row(concat(requirement, List.of(c.criterion(), c.verdict(),
                                Long.toString(v.evidenceId()), e == null ? "" : e.fileName(), e == null ? "" : e.path(),
                                e == null ? "" : e.sha256(), v.metric(), v.value(), Boolean.toString(v.derived()),
                                Boolean.toString(v.met()), Boolean.toString(v.counts()), v.review()), t.tests())));
                        any = true;
                    }
                }
                if (!any) {
                    String ids = t.evidence().stream().map(String::valueOf).collect(Collectors.joining(" "));
                    out.write(CsvCells.row(concat(requirement, List.of("", "", ids, "", "", "", "", "", "", "", "", ""),
                            t.tests())));
                }
                for (TestLine n : t.notes()) {
                    EvidenceLine e = evidence.get(n.evidenceId());
                    out.write(CsvCells.row(concat(requirement, List.of("", "", Long.toString(n.evidenceId()), n.file(),
                            e == null ? "" : e.path(), e == null ? "" : e.sha256(), "", "", "", "", "", ""), t.tests(),
                            Arrays.asList(n.test(), n.outcome(), n.message(), n.passedIn()))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write traceability.csv", e);
        }
    }

    private static List<String> concat(List<String> requirement, List<String> value, String tests) {
        return concat(requirement, value, tests, NO_TEST);
    }

    /** @param test the test columns; message and passed-in may be null (CsvCells writes an empty cell) */
    private static List<String> concat(List<String> requirement, List<String> value, String tests, List<String> test) {
        List<String> row = new ArrayList<>(requirement);
        row.addAll(value);
        row.add(tests);
        row.addAll(test);
        return row;
    }
}
