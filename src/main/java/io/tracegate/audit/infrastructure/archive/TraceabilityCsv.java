package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.CriterionLine;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.TraceLine;
import io.tracegate.audit.domain.PackageContent.ValueLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * traceability.csv: the trace matrix of the report, one line per value a criterion was judged on (a
 * requirement without values still gets one line), UTF-8, CRLF, a header line, written row by row.
 */
final class TraceabilityCsv {

    static final List<String> HEADER = List.of("requirement", "asil", "parents", "title", "requirement_verdict",
            "reason", "criterion", "criterion_verdict", "evidence_id", "evidence_file", "evidence_path",
            "evidence_sha256", "measured", "value", "derived", "met", "counts", "review", "tests");

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
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write traceability.csv", e);
        }
    }

    private static List<String> concat(List<String> requirement, List<String> value, String tests) {
        List<String> row = new ArrayList<>(requirement);
        row.addAll(value);
        row.add(tests);
        return row;
    }
}
