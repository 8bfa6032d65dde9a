package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.infrastructure.SyntheticPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceabilityCsvTest {

    @TempDir
    Path dir;

    @Test
    void hasOneLinePerValueAndEveryRequirementWithHostileNamesNeutralised() throws Exception {
        var content = SyntheticPackage.content(SyntheticPackage.files(dir));
        Path csv = dir.resolve("traceability.csv");
        TraceabilityCsv.write(content, csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", TraceabilityCsv.HEADER));
        // SG-1 without criteria, two values of MLR-PERF-VRU-NIGHT, one of MLR-LAT-P99
        assertThat(lines).hasSize(1 + 1 + 2 + 1);
        assertThat(lines.get(1)).startsWith("SG-1,B,,");
        assertThat(lines.get(2)).startsWith("MLR-PERF-VRU-NIGHT,B,SG-1,")
                .contains("\"recall[class=pedestrian, set=night-hil] >= 0.95\",PASSED,12,")
                .contains(",0.951,false,true,true,ACCEPTED,\"3 passed");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\") \u202Eevil.csv\"")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        assertThat(text).endsWith("\r\n");
    }
}
