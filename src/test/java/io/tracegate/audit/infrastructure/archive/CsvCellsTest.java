package io.tracegate.audit.infrastructure.archive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** THREATS T12: cells a spreadsheet would evaluate are written as text. */
class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=1+2|'=1+2",
            "+1|'+1",
            "-x|'-x",
            "@SUM(A1)|'@SUM(A1)",
            "-1+2|'-1+2",
            "plain|plain",
            "-0.006|-0.006",
            "42|42",
            "1.5e-3|1.5e-3"})
    void prefixesFormulaStartsButLeavesNumbers(String cell, String written) {
        assertThat(CsvCells.cell(cell)).isEqualTo(written);
    }

    @Test
    void neutralisesTabAndCarriageReturnStartsToo() {
        assertThat(CsvCells.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    void endsRowsWithCrLf() {
        assertThat(CsvCells.row(List.of("a", "b,c", ""))).isEqualTo("a,\"b,c\",\r\n");
    }
}
