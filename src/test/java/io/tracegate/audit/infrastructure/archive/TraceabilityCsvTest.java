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
        assertThat(lines.get(0)).isEqualTo("requirement,asil,parents,title,requirement_verdict,reason,criterion,"
                + "criterion_verdict,evidence_id,evidence_file,evidence_path,evidence_sha256,measured,value,derived,met,"
                + "counts,review,tests,test,test_outcome,test_message,test_passed_in");
        // SG-1 without criteria, two values of MLR-PERF-VRU-NIGHT, one of MLR-LAT-P99
        assertThat(lines).hasSize(1 + 1 + 2 + 1);
        assertThat(lines.get(1)).startsWith("SG-1,B,,");
        assertThat(lines.get(2)).startsWith("MLR-PERF-VRU-NIGHT,B,SG-1,")
                .contains("\"recall[class=pedestrian, set=night-hil] >= 0.95\",PASSED,12,")
                .contains(",0.951,false,true,true,ACCEPTED,\"3 passed").endsWith(",,,,");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\") \u202Eevil.csv\"")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        assertThat(text).endsWith("\r\n");
    }

    @Test
    void hasALinePerTestThatDidNotPassWithItsFullMessageAndHostileMessagesNeutralised() throws Exception {
        var content = SyntheticPackage.withTestNotes(SyntheticPackage.content(SyntheticPackage.files(dir)));
        Path csv = dir.resolve("traceability.csv");
        TraceabilityCsv.write(content, csv);
        List<String> lines = List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
        // each of the two new requirements: one line for its evidence, one per noted test
        assertThat(lines).hasSize(1 + 4 + 2 + 3);
        assertThat(lines.get(6)).startsWith("MLR-HIL-RAIN,B,SG-1,Detection in rain on the HIL rig,NOT_COVERED,")
                .endsWith(",,,13,junit-hil.xml,,,,,,,,,\"0 passed, 0 failed, 0 errors, 1 skipped\",hil.RainTest.detects,"
                        + "SKIPPED,rig offline,");
        assertThat(lines.get(8)).startsWith("MLR-NIGHT-TEST,B,SG-1,")
                .endsWith(",hil.NightRecallTest.pedestrians,FAILED,\"" + SyntheticPackage.LONG_FAILURE + "\",junit-rerun.xml");
        assertThat(lines.get(9)).endsWith(",hil.NightRecallTest.cyclists,ERROR,'" + SyntheticPackage.HOSTILE_MESSAGE + ",");
    }
}
