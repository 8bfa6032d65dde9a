package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.tracegate.evidence.infrastructure.Samples.metric;
import static io.tracegate.evidence.infrastructure.Samples.read;
import static io.tracegate.evidence.infrastructure.Samples.rejected;
import static io.tracegate.evidence.infrastructure.Samples.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class KpiCsvFormatTest {

    private final KpiCsvFormat format = new KpiCsvFormat();

    @Test
    void claimsCsvFilesByName() {
        assertThat(format.name()).isEqualTo("kpi-csv");
        assertThat(format.supports("results/KPI.CSV", new byte[0])).isTrue();
        assertThat(format.supports("kpi.tsv", new byte[0])).isFalse();
    }

    @Test
    void everyColumnBesidesMetricValueAndUnitIsAScopeKeyAndEmptyCellsLeaveItOut() {
        ParsedEvidence evidence = read(format, "kpi-night-hil.csv");

        assertThat(evidence.format()).isEqualTo("kpi-csv");
        assertThat(value(evidence, "recall", "class", "pedestrian", "set", "night-hil", "iou", "0.5")).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("0.951"));
        assertThat(value(evidence, "false_positive_rate", "set", "night-hil")).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("0.0008"));
        assertThat(metric(evidence, "latency.p99_ms", "target", "orin")).map(Metric::unit).hasValue("ms");
        assertThat(metric(evidence, "label_error_rate", "class", "pedestrian", "set", "night-hil")).map(Metric::unit).hasValue("%");
        assertThat(metric(evidence, "gpu_memory_mib", "target", "orin")).map(Metric::unit).hasValue("MiB");
        assertThat(metric(evidence, "map_drop_vs_reference", "set", "validation-v12", "iou", "0.5")).map(Metric::unit).hasValue("pp");
        assertThat(metric(evidence, "recall", "class", "pedestrian", "set", "night-hil", "iou", "0.5")).map(Metric::unit).isEmpty();
        assertThat(evidence.metrics()).hasSize(9);
        assertThat(evidence.tests()).isEmpty();
        assertThat(evidence.notes()).contains("9 metrics, scope columns class, set, iou, target", "1 empty rows ignored");
    }

    @Test
    void quotedFieldsAndExponentNotationAreRead() {
        ParsedEvidence evidence = read(format, "kpi-night-hil.csv");

        assertThat(value(evidence, "recall", "class", "car", "set", "night-hil", "iou", "0.7")).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("0.951"));
    }

    @Test
    void crlfLinesCommentsAndQuotedExponentsAreRead() {
        String csv = "metric,value,set\r\n"
                + "# a comment\r\n"
                + "recall,\"1.5E+2\",\"night-hil\"\r\n"
                + "precision,0.9,night-hil\n";
        ParsedEvidence evidence = read(format, "k.csv", csv);

        assertThat(value(evidence, "recall", "set", "night-hil"))
                .hasValueSatisfying(v -> assertThat(v.toPlainString()).isEqualTo("150"));
        assertThat(evidence.metrics()).hasSize(2);
    }

    @Test
    void linesInsideQuotedFieldsCountForTheLineNumberOfLaterErrors() {
        EvidenceRejected e = rejected(format, "k.csv", "metric,value,set\n\"recall\",0.9,\"night\n\"\"hil\"\"\"\nprecision,x,a\n");

        assertThat(e.getMessage()).isEqualTo("k.csv: line 2: bad scope entry 'set=night\n\"hil\"' on metric 'recall'");
        assertThat(rejected(format, "k.csv", "metric,value,set\nrecall,0.9,\"a\nb\nc\"x\n").getMessage())
                .isEqualTo("k.csv: line 4: text after the closing quote of a field");
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "metric,value\nrecall,0.9\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, 3);
        System.arraycopy(body, 0, csv, 3, body.length);

        ParsedEvidence evidence = format.read("k.csv", new ByteArrayInputStream(csv));

        assertThat(value(evidence, "recall")).isPresent();
    }

    @Test
    void aBadNumberIsRefusedNamingLineAndColumn() {
        EvidenceRejected e = rejected(format, "kpi.csv", "metric,value\n# c\nrecall,0.9\n\nprecision,0.8\nx,1\nrecall_b,abc\n");

        assertThat(e.getMessage()).isEqualTo("kpi.csv: line 7, column value: 'abc' is not a number");
    }

    @Test
    void percentSignsCommaDecimalsAndNonNumbersAreRefused() {
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,95%\n").getMessage())
                .isEqualTo("k.csv: line 2, column value: '95%' is not a number; write a percentage as a number with unit %");
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,\"0,95\"\n").getMessage()).contains("'0,95' is not a number");
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,NaN\n").getMessage()).contains("'NaN' is not a number");
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,\n").getMessage())
                .isEqualTo("k.csv: line 2, column value: a value is required");
    }

    @Test
    void hugeExponentsAreRefusedInsteadOfExpanded() {
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,1e999999999\n").getMessage())
                .contains("line 2, column value").contains("more than 30 digits before the decimal point");
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,1e-999999999\n").getMessage())
                .contains("more than 30 decimal places");
    }

    @Test
    void unitsOutsideTheCriterionUnitsAreRefused() {
        assertThat(rejected(format, "k.csv", "metric,value,unit\nlatency_ms,3,sec\n").getMessage())
                .isEqualTo("k.csv: line 2, column unit: unknown unit 'sec'; one of [ms, MiB, %, pp] or none");
    }

    @Test
    void badMetricNamesAndScopeValuesAreRefusedWithTheirLine() {
        assertThat(rejected(format, "k.csv", "metric,value\nRecall,0.9\n").getMessage())
                .startsWith("k.csv: line 2: bad metric name 'Recall'");
        assertThat(rejected(format, "k.csv", "metric,value,set\nrecall,0.9,night hil\n").getMessage())
                .startsWith("k.csv: line 2: bad scope entry 'set=night hil'");
        assertThat(rejected(format, "k.csv", "metric,value,set\nrecall,0.9," + "a".repeat(121) + "\n").getMessage())
                .startsWith("k.csv: line 2, column set: 'aaaa").endsWith("is longer than 120 characters");
    }

    @Test
    void formulaLookingCellsAreRefusedNotEvaluated() {
        assertThat(rejected(format, "k.csv", "metric,value,set\nrecall,0.9,=HYPERLINK(\"http://x\")\n").getMessage())
                .startsWith("k.csv: line 2: a quote inside a field that is not quoted");
        assertThat(rejected(format, "k.csv", "metric,value,set\n=1+1,0.9,a\n").getMessage())
                .startsWith("k.csv: line 2: bad metric name '=1+1'");
    }

    @Test
    void theHeaderNeedsMetricAndValueAndDistinctWellFormedNames() {
        assertThat(rejected(format, "k.csv", "metric,score\nrecall,0.9\n").getMessage())
                .isEqualTo("k.csv: line 1: the header needs the columns metric and value, found [metric, score]");
        assertThat(rejected(format, "k.csv", "metric,value,set,set\n").getMessage())
                .isEqualTo("k.csv: line 1: header column 'set' appears twice");
        assertThat(rejected(format, "k.csv", "metric,value,Data Set\n").getMessage())
                .startsWith("k.csv: line 1: header column 'Data Set' is not a valid scope key");
        assertThat(rejected(format, "k.csv", "metric,value,\n").getMessage())
                .isEqualTo("k.csv: line 1: header column 3 has no name");
        assertThat(rejected(format, "k.csv", "# only a comment\n\n").getMessage())
                .startsWith("k.csv: the file is empty");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        assertThat(rejected(format, "k.csv", "metric,value,set\nrecall,0.9\n").getMessage())
                .isEqualTo("k.csv: line 2: 2 fields, the header has 3");
    }

    @Test
    void theSameMetricAndScopeTwiceIsRefusedNamingBothLines() {
        assertThat(rejected(format, "k.csv", "metric,value,set\nrecall,0.9,a\nrecall,0.8,b\nrecall,0.7,a\n").getMessage())
                .isEqualTo("k.csv: line 4: recall{set=a} is given twice, first on line 2");
    }

    @Test
    void malformedQuotingIsRefusedWithTheLine() {
        assertThat(rejected(format, "k.csv", "metric,value\nrecall,\"0.9\"x\n").getMessage())
                .isEqualTo("k.csv: line 2: text after the closing quote of a field");
        assertThat(rejected(format, "k.csv", "metric,value\n\nrecall,\"0.9\n").getMessage())
                .isEqualTo("k.csv: line 3: a quoted field is not closed before the end of the file");
    }

    @Test
    void aLineLongerThan64KibIsRefusedWithoutReadingItWhole() {
        String csv = "metric,value\nrecall," + "9".repeat(70_000) + "\n";

        assertThat(rejected(format, "k.csv", csv).getMessage())
                .isEqualTo("k.csv: line 2: the record is longer than 65536 characters");
        assertThat(rejected(format, "k.csv", "metric,value\n#" + "c".repeat(70_000)).getMessage())
                .isEqualTo("k.csv: line 2: the line is longer than 65536 characters");
    }

    @Test
    void moreThanSixtyFourColumnsAreRefused() {
        StringBuilder header = new StringBuilder("metric,value");
        for (int i = 0; i < 63; i++) {
            header.append(",k").append(i);
        }
        assertThat(rejected(format, "k.csv", header + "\n").getMessage()).isEqualTo("k.csv: line 1: more than 64 columns");
    }

    @Test
    void moreThanAMillionRowsAreRefused() {
        // Rows are generated as they are read, each with its own scope so that no row repeats another.
        InputStream rows = new InputStream() {
            private long row;
            private byte[] current = "metric,value,k\n".getBytes(StandardCharsets.UTF_8);
            private int pos;

            @Override
            public int read() {
                if (pos == current.length) {
                    current = ("m,1,r" + ++row + "\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                return current[pos++];
            }
        };

        EvidenceRejected e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> catchThrowableOfType(() -> format.read("k.csv", rows), EvidenceRejected.class));

        assertThat(e.getMessage()).isEqualTo("k.csv: line 1000002: more than 1000000 rows");
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = "metric,value,set\nrecall,0.9,nacht-\u00FC\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rejected(format, "k.csv", latin1).getMessage()).isEqualTo("k.csv: line 2: not UTF-8 text");
    }
}
