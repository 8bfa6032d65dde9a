package io.tracegate.evidence.interfaces;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo release's verdicts, from its real evidence files, against a list derived independently of Tracegate. */
public interface DemoVerdictScenarios extends EvidenceScenarios {

    @Test
    default void theDemoReleaseShowsEveryKindOfVerdictFromItsRealEvidenceFiles() {
        long release = demoRelease("4.2.0-int8.1");
        Reply trace = api().get(Login.AUDITOR, "api/releases/" + release + "/trace");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        List<JsonObject> rows = trace.json().getJsonArray("requirements").stream().map(JsonValue::asJsonObject).toList();
        List<String> failed = rows.stream().filter(r -> r.getJsonArray("criteria").size() > 0
                && r.getString("verdict").equals("FAILED")).map(r -> r.getString("id")).toList();
        List<String> uncovered = rows.stream().filter(r -> r.getJsonArray("criteria").size() > 0
                && r.getString("verdict").equals("NOT_COVERED")).map(r -> r.getString("id")).toList();
        long passed = rows.stream().filter(r -> r.getJsonArray("criteria").size() > 0
                && r.getString("verdict").equals("PASSED")).count();
        assertThat(failed).containsExactly("MLR-PERF-VRU-NIGHT");
        assertThat(uncovered).containsExactly("MLR-DATA-LABEL-QUALITY");
        assertThat(passed).isEqualTo(rows.stream().filter(r -> r.getJsonArray("criteria").size() > 0).count() - 2);
        JsonObject drop = rows.stream().filter(r -> r.getString("id").equals("MLR-DEG-RECALL-VRU")).findFirst().orElseThrow();
        assertThat(drop.getJsonArray("criteria").getJsonObject(0).getJsonArray("measurements").getJsonObject(0)
                .getBoolean("derived")).as("drops are derived from the FP32 reference's own evidence").isTrue();
        assertThat(trace.json().getJsonObject("gate").getBoolean("green")).isFalse();
        assertThat(rowOf(release, "SG-01").getString("verdict")).isEqualTo("FAILED");

        JsonObject regression = api().get(Login.AUDITOR, "api/releases/" + release + "/regression").json();
        assertThat(regression.getString("reference")).contains("4.2.0");
        JsonObject night = regression.getJsonArray("metrics").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("metric").equals("recall") && "cyclist".equals(m.getJsonObject("scope").getString("class", ""))
                        && "night-hil".equals(m.getJsonObject("scope").getString("set", ""))).findFirst().orElseThrow();
        assertThat(night.getBoolean("allowed")).isFalse();
        assertThat(night.getJsonNumber("deltaVsReference").bigDecimalValue().signum()).isNegative();
    }

    /**
     * The verdict of every requirement of the demo INT8 release, as an independent oracle derived it: a stdlib
     * Python script (kept outside the repository) that reads only the demo's input files (requirements front
     * matter, demo.json, both evidence.json manifests, the KPI CSV/JSON files, the trtexec times with nearest-rank
     * percentiles, the JUnit XML via xml.etree) and applies the README's linking and verdict rules and
     * TraceMatrix's rules by hand (every demo file ACCEPTED by sam, one baseline, no waivers). One reading goes
     * beyond the README's linking rule 2: a JUnit file whose test cases name a requirement also lends that
     * requirement its own test_pass_rate (EvidenceLinks says so), which is what makes MLR-ROB-SENSOR-FAULT,
     * TSR-PERC-05 and FSR-SYS-04 PASSED. Built on d8c5499 it agreed with GET /trace on all 50 rows and on the gate;
     * 4037d35 (before the rule change) gave the same 50 verdicts. Change this list only from new evidence or a
     * rule change, never to follow the code.
     */
    @Test
    default void theDemoReleaseVerdictsMatchAnIndependentlyDerivedList() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("SG-01", "FAILED"),
                Map.entry("SG-02", "NOT_COVERED"),
                Map.entry("SG-03", "NOT_COVERED"),
                Map.entry("FSR-SYS-01", "FAILED"),
                Map.entry("FSR-SYS-02", "NOT_COVERED"),
                Map.entry("FSR-SYS-03", "NOT_COVERED"),
                Map.entry("FSR-SYS-04", "PASSED"),
                Map.entry("FSR-SYS-05", "PASSED"),
                Map.entry("FSR-SYS-06", "NOT_COVERED"),
                Map.entry("TSR-PERC-01", "FAILED"),
                Map.entry("TSR-PERC-02", "PASSED"),
                Map.entry("TSR-PERC-03", "PASSED"),
                Map.entry("TSR-PERC-04", "PASSED"),
                Map.entry("TSR-PERC-05", "PASSED"),
                Map.entry("TSR-PERC-06", "PASSED"),
                Map.entry("TSR-PERC-07", "PASSED"),
                Map.entry("TSR-PERC-08", "PASSED"),
                Map.entry("TSR-PERC-09", "NOT_COVERED"),
                Map.entry("MLR-DATA-CALIB-COVERAGE", "PASSED"),
                Map.entry("MLR-DATA-DISJOINT", "PASSED"),
                Map.entry("MLR-DATA-LABEL-QUALITY", "NOT_COVERED"),
                Map.entry("MLR-DATA-TEST-COVERAGE", "PASSED"),
                Map.entry("MLR-DEG-ADVERSE", "PASSED"),
                Map.entry("MLR-DEG-MAP", "PASSED"),
                Map.entry("MLR-DEG-RECALL-VEH", "PASSED"),
                Map.entry("MLR-DEG-RECALL-VRU", "PASSED"),
                Map.entry("MLR-DEG-SIGN-LIGHT", "PASSED"),
                Map.entry("MLR-MON-BLOCKAGE", "PASSED"),
                Map.entry("MLR-MON-FREEZE", "PASSED"),
                Map.entry("MLR-MON-PLAUSIBILITY", "PASSED"),
                Map.entry("MLR-MON-WATCHDOG", "PASSED"),
                Map.entry("MLR-OOD-AUROC", "PASSED"),
                Map.entry("MLR-OOD-ODD-EXIT", "PASSED"),
                Map.entry("MLR-OOD-UNKNOWN-OBJ", "PASSED"),
                Map.entry("MLR-PERF-FOG", "PASSED"),
                Map.entry("MLR-PERF-FP", "PASSED"),
                Map.entry("MLR-PERF-RAIN", "PASSED"),
                Map.entry("MLR-PERF-SIGN-LIGHT", "PASSED"),
                Map.entry("MLR-PERF-TUNNEL", "PASSED"),
                Map.entry("MLR-PERF-VEH", "PASSED"),
                Map.entry("MLR-PERF-VRU-DAY", "PASSED"),
                Map.entry("MLR-PERF-VRU-NIGHT", "FAILED"),
                Map.entry("MLR-RES-GPU-LOAD", "PASSED"),
                Map.entry("MLR-RES-GPU-MEM", "PASSED"),
                Map.entry("MLR-ROB-BLUR", "PASSED"),
                Map.entry("MLR-ROB-SENSOR-FAULT", "PASSED"),
                Map.entry("MLR-ROB-SOILING", "PASSED"),
                Map.entry("MLR-ROB-WEATHER", "PASSED"),
                Map.entry("MLR-TIME-LATENCY-MEAN", "PASSED"),
                Map.entry("MLR-TIME-LATENCY-P99", "PASSED"));
        long release = demoRelease("4.2.0-int8.1");
        Reply trace = api().get(Login.AUDITOR, "api/releases/" + release + "/trace");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        Map<String, String> actual = new java.util.TreeMap<>();
        trace.json().getJsonArray("requirements").stream().map(JsonValue::asJsonObject)
                .forEach(r -> actual.put(r.getString("id"), r.getString("verdict")));
        assertThat(actual).as("verdict per requirement").containsExactlyInAnyOrderEntriesOf(expected);

        JsonObject gate = trace.json().getJsonObject("gate");
        assertThat(gate.getBoolean("green")).isFalse();
        assertThat(gate.getJsonObject("counts").getInt("PASSED")).isEqualTo(39);
        assertThat(gate.getJsonObject("counts").getInt("NOT_COVERED")).isEqualTo(7);
        assertThat(gate.getJsonObject("counts").getInt("FAILED")).isEqualTo(4);
        assertThat(gate.getJsonObject("counts").getInt("SUSPECT")).isZero();
        assertThat(gate.getJsonObject("counts").getInt("WAIVED")).isZero();
        assertThat(gate.getJsonArray("findings")).as("no cross-check ERROR on the demo recipe").isEmpty();
        assertThat(gate.getJsonArray("blocking").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)).containsExactlyInAnyOrderElementsOf(expected.entrySet()
                .stream().filter(e -> !e.getValue().equals("PASSED")).map(Map.Entry::getKey).toList());
    }
}
