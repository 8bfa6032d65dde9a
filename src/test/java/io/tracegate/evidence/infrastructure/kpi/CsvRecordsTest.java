package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.EvidenceRejected;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvRecordsTest {

    /** Each record as "line: fields". */
    private static List<String> records(String csv) {
        return records(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> records(byte[] csv) {
        List<String> out = new ArrayList<>();
        try (CsvRecords records = new CsvRecords("t.csv", new ByteArrayInputStream(csv), 64 * 1024, 64)) {
            for (List<String> r = records.next(); r != null; r = records.next()) {
                out.add(records.line() + ": " + r);
            }
        }
        return out;
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        assertThat(records("a,\"b,c\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nx,y,z,w\r\n")).containsExactly(
                "1: [a, b,c, say \"hi\", two\r\nlines]",
                "3: [x, y, z, w]");
    }

    @Test
    void lfCrlfAndLoneCrAllEndALine() {
        assertThat(records("a\nb\r\nc\rd")).containsExactly("1: [a]", "2: [b]", "3: [c]", "4: [d]");
    }

    @Test
    void commentsAndBlankLinesAreSkippedButCounted() {
        assertThat(records("# header comment\n\n\r\na,b\n# another\nc,d\n")).containsExactly("4: [a, b]", "6: [c, d]");
    }

    @Test
    void spacesAroundUnquotedFieldsAreDroppedAndKeptInsideQuotes() {
        assertThat(records(" a , \" b \" ,c\n")).containsExactly("1: [a,  b , c]");
    }

    @Test
    void emptyFieldsAndATrailingCommaAreFields() {
        assertThat(records("a,,\n,\n")).containsExactly("1: [a, , ]", "2: [, ]");
    }

    @Test
    void recordsLongerThanABufferAreReadWhole() {
        String longField = "v".repeat(20_000);

        assertThat(records("\"" + longField + "\"," + longField + "\n")).containsExactly(
                "1: [" + longField + ", " + longField + "]");
    }

    @Test
    void aBadByteIsReportedOnItsLineEvenAfterAFullBuffer() {
        byte[] good = ("x\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'y', (byte) 0xC3, '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);

        EvidenceRejected e = catchThrowableOfType(() -> records(all), EvidenceRejected.class);

        assertThat(e.getMessage()).isEqualTo("t.csv: line 10001: not UTF-8 text");
    }
}
