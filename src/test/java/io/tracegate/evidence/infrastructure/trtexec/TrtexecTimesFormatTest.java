package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.infrastructure.kpi.KpiJsonFormat;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.tracegate.evidence.infrastructure.Samples.bytes;
import static io.tracegate.evidence.infrastructure.Samples.head;
import static io.tracegate.evidence.infrastructure.Samples.metric;
import static io.tracegate.evidence.infrastructure.Samples.read;
import static io.tracegate.evidence.infrastructure.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TrtexecTimesFormatTest {

    private final TrtexecTimesFormat format = new TrtexecTimesFormat();

    private static String value(ParsedEvidence evidence, String name) {
        return metric(evidence, name).map(m -> m.value().toPlainString()).orElse(null);
    }

    /**
     * {@code n} inferences the way trtexec writes them, one every 15 ms, with latencies 10.00, 10.01, ...
     * in a scrambled order (37 is coprime to n) so that the sorted latencies are 10 + k/100.
     */
    static String generated(int n) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < n; i++) {
            int k = (int) ((long) i * 37 % n);
            String latency = (10 + k / 100) + "." + String.format("%02d", k % 100);
            double start = i * 15.0;
            json.append(i == 0 ? "  " : ", ").append("{ \"startEnqMs\" : ").append(start)
                    .append(", \"endEnqMs\" : ").append(start + 0.2)
                    .append(", \"startH2dMs\" : ").append(start + 0.1)
                    .append(", \"endH2dMs\" : ").append(start + 0.3)
                    .append(", \"startComputeMs\" : ").append(start + 0.3)
                    .append(", \"endComputeMs\" : ").append(start + 9.0)
                    .append(", \"startD2hMs\" : ").append(start + 9.0)
                    .append(", \"endD2hMs\" : ").append(new BigDecimal(start).add(new BigDecimal(latency)))
                    .append(", \"h2dMs\" : 0.2, \"computeMs\" : ").append(new BigDecimal(latency).subtract(new BigDecimal("0.5")))
                    .append(", \"d2hMs\" : 0.3, \"latencyMs\" : ").append(latency)
                    .append(", \"endToEndMs\" : ").append(latency).append(" }\n");
        }
        return json.append("]\n").toString();
    }

    @Test
    void claimsJsonArraysOfInferences() {
        assertThat(format.name()).isEqualTo("trtexec-times");
        assertThat(format.supports("times.json", head(bytes("trtexec-times.json")))).isTrue();
        assertThat(format.supports("old.json", head(bytes("trtexec-times-endtoend.json")))).isTrue();
        assertThat(format.supports("profile.json", head(bytes("trtexec-profile.json")))).isFalse();
        assertThat(format.supports("times.txt", head(bytes("trtexec-times.json")))).isFalse();
        assertThat(format.priority()).isGreaterThan(new KpiJsonFormat().priority());
    }

    @Test
    void latencyAndComputeStatisticsOfARealExportMatchHandComputedValues() {
        ParsedEvidence evidence = read(format, "trtexec-times.json");

        // latencyMs 14.78, 14.6, 15.42, 14.65, 15.66 -> sorted 14.6, 14.65, 14.78, 15.42, 15.66
        assertThat(value(evidence, "latency.min_ms")).isEqualTo("14.6");
        assertThat(value(evidence, "latency.max_ms")).isEqualTo("15.66");
        assertThat(value(evidence, "latency.mean_ms")).isEqualTo("15.022");
        assertThat(value(evidence, "latency.median_ms")).isEqualTo("14.78");
        assertThat(value(evidence, "latency.p50_ms")).isEqualTo("14.78");
        assertThat(value(evidence, "latency.p90_ms")).isEqualTo("15.66");
        assertThat(value(evidence, "latency.p95_ms")).isEqualTo("15.66");
        assertThat(value(evidence, "latency.p99_ms")).isEqualTo("15.66");
        // computeMs 14.24, 14.06, 14.88, 14.11, 15.12
        assertThat(value(evidence, "compute.min_ms")).isEqualTo("14.06");
        assertThat(value(evidence, "compute.mean_ms")).isEqualTo("14.482");
        assertThat(value(evidence, "compute.median_ms")).isEqualTo("14.24");
        assertThat(value(evidence, "compute.p99_ms")).isEqualTo("15.12");
        assertThat(value(evidence, "inference_count")).isEqualTo("5");
        assertThat(metric(evidence, "latency.p99_ms")).map(Metric::unit).hasValue("ms");
        assertThat(metric(evidence, "inference_count")).map(Metric::unit).isEmpty();
        assertThat(evidence.metrics()).hasSize(18);
    }

    @Test
    void theLatenciesAreReadBackInFileOrderForTheDistributionChart() {
        double[] latencies = format.latenciesMs("trtexec-times.json",
                new java.io.ByteArrayInputStream(bytes("trtexec-times.json")));
        assertThat(latencies).containsExactly(14.78, 14.6, 15.42, 14.65, 15.66);
        assertThat(format.format()).isEqualTo(format.name());
        assertThat(format.latenciesMs("old.json", new java.io.ByteArrayInputStream(bytes("trtexec-times-endtoend.json"))))
                .as("older exports: from endToEndMs").isNotEmpty();
    }

    @Test
    void throughputRunsFromTheFirstEnqueueToTheLastDeviceToHostCopy() {
        ParsedEvidence evidence = read(format, "trtexec-times.json");

        // 5 inferences over 2190.02 - 2114.71 = 75.31 ms
        assertThat(value(evidence, "throughput_qps")).isEqualTo("66.392245");
        assertThat(metric(evidence, "throughput_qps")).map(Metric::unit).isEmpty();
        assertThat(evidence.notes()).contains("throughput over 75.31 ms from the first startEnqMs to the last endD2hMs");
    }

    @Test
    void percentilesOfTwoThousandGeneratedInferencesAreTheNearestRanks() {
        ParsedEvidence evidence = read(format, "times.json", generated(2000));

        // sorted latencies are 10 + k/100, k = 0..1999; p = index ceil(p/100 * 2000) - 1
        assertThat(value(evidence, "latency.min_ms")).isEqualTo("10");
        assertThat(value(evidence, "latency.max_ms")).isEqualTo("29.99");
        assertThat(value(evidence, "latency.p50_ms")).isEqualTo("19.99");
        assertThat(value(evidence, "latency.median_ms")).isEqualTo("19.995");
        assertThat(value(evidence, "latency.mean_ms")).isEqualTo("19.995");
        assertThat(value(evidence, "latency.p90_ms")).isEqualTo("27.99");
        assertThat(value(evidence, "latency.p95_ms")).isEqualTo("28.99");
        assertThat(value(evidence, "latency.p99_ms")).isEqualTo("29.79");
        assertThat(value(evidence, "compute.p99_ms")).isEqualTo("29.29");
        assertThat(value(evidence, "inference_count")).isEqualTo("2000");
        assertThat(evidence.notes()).anyMatch(n -> n.contains("nearest rank"));
    }

    @Test
    void olderExportsWithOnlyEndToEndMsGiveTheLatencyFromIt() {
        ParsedEvidence evidence = read(format, "trtexec-times-endtoend.json");

        assertThat(value(evidence, "latency.median_ms")).isEqualTo("12.5");
        assertThat(value(evidence, "latency.mean_ms")).isEqualTo("12.666667");
        assertThat(value(evidence, "latency.p99_ms")).isEqualTo("13.5");
        assertThat(value(evidence, "compute.mean_ms")).isEqualTo("12");
        // no D2H times: 3 inferences from 10.0 to the last endComputeMs 47.3
        assertThat(value(evidence, "throughput_qps")).isEqualTo(
                BigDecimal.valueOf(3 / 37.3 * 1000).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
        assertThat(evidence.notes()).anyMatch(n -> n.contains("latency from endToEndMs (older TensorRT)"));
    }

    @Test
    void withoutEnqueueTimesThereIsNoThroughput() {
        ParsedEvidence evidence = read(format, "t.json", "[{\"latencyMs\": 2.5}, {\"latencyMs\": 3.5}]");

        assertThat(value(evidence, "latency.mean_ms")).isEqualTo("3");
        assertThat(value(evidence, "throughput_qps")).isNull();
        assertThat(value(evidence, "compute.mean_ms")).isNull();
        assertThat(evidence.notes()).contains("no throughput: the inferences carry no enqueue start and end times");
    }

    @Test
    void anEmptyArrayHasNoInferences() {
        assertThat(rejected(format, "t.json", "[ ]").getMessage())
                .isEqualTo("t.json: no inferences: the --exportTimes array is empty");
    }

    @Test
    void anObjectDeclaredAsTimesIsRefusedSayingWhatWasExpected() {
        assertThat(rejected(format, "t.json", "{\"latencyMs\": 1}").getMessage())
                .isEqualTo("t.json: line 1, column 2: expected a trtexec --exportTimes array, found an object");
    }

    @Test
    void otherTrtexecExportsDeclaredAsTimesAreRefusedNamingTheirFormat() {
        assertThat(rejected(format, "p.json", bytes("trtexec-profile.json")).getMessage())
                .isEqualTo("p.json: expected a trtexec --exportTimes array, found a trtexec --exportProfile array; "
                        + "declare the format 'trtexec-profile' for it");
        assertThat(rejected(format, "l.json", bytes("trtexec-layers-detailed.json")).getMessage())
                .isEqualTo("l.json: expected a trtexec --exportTimes array, found a trtexec --exportLayerInfo object; "
                        + "declare the format 'trtexec-layers' for it");
        assertThat(rejected(format, "k.json", bytes("kpi-night-hil.json")).getMessage())
                .contains("found a KPI JSON document; declare the format 'kpi-json'");
    }

    @Test
    void unknownAndDuplicateFieldsAreRefused() {
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": 1, \"gpuMs\": 2}]").getMessage())
                .startsWith("t.json: line 1, column ").contains("unknown field 'gpuMs' in inference 1; a trtexec --exportTimes entry has startEnqMs, ");
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": 1, \"latencyMs\": 2}]").getMessage())
                .endsWith("key 'latencyMs' appears twice in inference 1");
    }

    @Test
    void inferencesMustAllHaveTheFieldsOfTheFirst() {
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": 1, \"computeMs\": 1}, {\"latencyMs\": 2}]").getMessage())
                .endsWith("inference 2 has the fields [latencyMs] where inference 1 has [computeMs, latencyMs]");
        assertThat(rejected(format, "t.json", "[{\"computeMs\": 1}]").getMessage())
                .endsWith("inference 1 has neither latencyMs nor endToEndMs");
    }

    @Test
    void valuesMustBeFiniteNonNegativeNumbers() {
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": \"1\"}]").getMessage())
                .endsWith("inference 1: latencyMs must be a number, found a string");
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": -1}]").getMessage())
                .endsWith("inference 1 has a negative duration");
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": 1e999}]").getMessage())
                .endsWith("inference 1: latencyMs is out of range: 1e999");
        assertThat(rejected(format, "t.json", "[{\"latencyMs\": 1}, 2]").getMessage())
                .endsWith("inference 2 must be an object, found a number");
    }

    @Test
    void theInferenceLimitIsEnforced() {
        assertThat(rejected(new TrtexecTimesFormat(3), "t.json", generated(4)).getMessage())
                .endsWith("more than 3 inferences");
        assertThat(TrtexecTimesFormat.MAX_INFERENCES).isEqualTo(10_000_000);
    }

    @Test
    void aDepthBombIsRefusedFast() {
        byte[] bomb = ("[{\"latencyMs\": 1}, " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        EvidenceRejected e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejected(format, "t.json", bomb));

        assertThat(e.getMessage()).isEqualTo("t.json: line 1: JSON nested deeper than 8 levels");
    }
}
