package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.infrastructure.input.FileHead;
import io.tracegate.evidence.infrastructure.input.KpiValue;
import io.tracegate.platform.failure.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * KPI tables as CSV ({@code *.csv}), one metric per row:
 * <pre>
 * # night HIL campaign, model 4.2.0-int8.1
 * metric,value,unit,class,set,iou
 * recall,0.951,,pedestrian,night-hil,0.5
 * latency.p99_ms,27.4,ms,,,
 * </pre>
 * RFC 4180, UTF-8; the first row is the header and must have the columns {@code metric} and {@code value};
 * {@code unit} is optional; every other column is a scope key (named like {@code [a-z][a-z0-9_]*}), and an
 * empty cell leaves that key out of the row's scope. Rows whose cells are all empty are ignored (spreadsheets
 * write them). The same metric and scope twice in one file is refused.
 */
@ApplicationScoped
public class KpiCsvFormat implements EvidenceFormat {

    static final int MAX_RECORD_CHARS = 64 * 1024;
    static final int MAX_COLUMNS = 64;
    static final int MAX_ROWS = 1_000_000;
    /** The longest metric name or scope value a {@link Metric} takes. */
    private static final int MAX_NAME = 120;

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    public KpiCsvFormat() {
    }

    @Override
    public String name() {
        return "kpi-csv";
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return FileHead.hasExtension(fileName, ".csv");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        try (CsvRecords csv = new CsvRecords(fileName, content, MAX_RECORD_CHARS, MAX_COLUMNS)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new EvidenceRejected(fileName,
                        "the file is empty; expected a header row with the columns metric and value");
            }
            Columns columns = Columns.of(fileName, csv.line(), header);
            DistinctMetrics metrics = new DistinctMetrics();
            long rows = 0;
            long emptyRows = 0;
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.stream().allMatch(String::isEmpty)) {
                    emptyRows++;
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new EvidenceRejected(fileName, "line " + csv.line() + ": more than " + MAX_ROWS + " rows");
                }
                Metric metric = columns.metric(fileName, csv.line(), row);
                String before = metrics.add(metric, "line " + csv.line());
                if (before != null) {
                    throw new EvidenceRejected(fileName, "line " + csv.line() + ": " + metric.name() + metric.scope()
                            + " is given twice, first on " + before);
                }
            }
            List<String> notes = new ArrayList<>();
            notes.add(metrics.size() + " metrics" + (columns.scopeKeys().isEmpty() ? ""
                    : ", scope columns " + String.join(", ", columns.scopeKeys())));
            if (emptyRows > 0) {
                notes.add(emptyRows + " empty rows ignored");
            }
            return new ParsedEvidence(name(), metrics.list(), List.of(), notes);
        }
    }

    /** Where the header put the metric, value, unit and scope columns. */
    private record Columns(int metric, int value, int unit, List<String> names) {

        static Columns of(String fileName, long line, List<String> header) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (name.isEmpty()) {
                    throw new EvidenceRejected(fileName, "line " + line + ": header column " + (i + 1) + " has no name");
                }
                if (!COLUMN.matcher(name).matches()) {
                    throw new EvidenceRejected(fileName, "line " + line + ": header column '" + KpiValue.shorten(name)
                            + "' is not a valid scope key; use lower-case letters, digits and '_', starting with a letter");
                }
                if (index.put(name, i) != null) {
                    throw new EvidenceRejected(fileName, "line " + line + ": header column '" + name + "' appears twice");
                }
            }
            if (!index.containsKey("metric") || !index.containsKey("value")) {
                throw new EvidenceRejected(fileName, "line " + line
                        + ": the header needs the columns metric and value, found " + header);
            }
            return new Columns(index.get("metric"), index.get("value"), index.getOrDefault("unit", -1), List.copyOf(header));
        }

        List<String> scopeKeys() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (i != metric && i != value && i != unit) {
                    keys.add(names.get(i));
                }
            }
            return keys;
        }

        Metric metric(String fileName, long line, List<String> row) {
            if (row.size() != names.size()) {
                throw new EvidenceRejected(fileName, "line " + line + ": " + row.size() + " fields, the header has "
                        + names.size());
            }
            for (int i = 0; i < names.size(); i++) {
                // Names and scope values are short by definition; a long cell is quoted cut in the message.
                if (i != value && i != unit && row.get(i).length() > MAX_NAME) {
                    throw new EvidenceRejected(fileName, "line " + line + ", column " + names.get(i) + ": '"
                            + KpiValue.shorten(row.get(i)) + "' is longer than " + MAX_NAME + " characters");
                }
            }
            BigDecimal number;
            String unitText;
            try {
                number = KpiValue.parse(row.get(value));
            } catch (IllegalArgumentException e) {
                throw new EvidenceRejected(fileName, "line " + line + ", column value: " + e.getMessage());
            }
            try {
                unitText = unit < 0 ? null : KpiValue.unit(row.get(unit));
            } catch (IllegalArgumentException e) {
                throw new EvidenceRejected(fileName, "line " + line + ", column unit: " + e.getMessage());
            }
            Map<String, String> scope = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (i != metric && i != value && i != unit && !row.get(i).isEmpty()) {
                    scope.put(names.get(i), row.get(i));
                }
            }
            try {
                return Metric.of(row.get(metric), number, unitText, scope);
            } catch (InvalidInput e) {
                throw new EvidenceRejected(fileName, "line " + line + ": " + e.getMessage());
            }
        }
    }
}
