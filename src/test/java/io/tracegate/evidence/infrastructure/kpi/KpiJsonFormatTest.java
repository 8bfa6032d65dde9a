package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.tracegate.evidence.infrastructure.Samples.bytes;
import static io.tracegate.evidence.infrastructure.Samples.head;
import static io.tracegate.evidence.infrastructure.Samples.metric;
import static io.tracegate.evidence.infrastructure.Samples.read;
import static io.tracegate.evidence.infrastructure.Samples.rejected;
import static io.tracegate.evidence.infrastructure.Samples.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class KpiJsonFormatTest {

    private final KpiJsonFormat format = new KpiJsonFormat();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void claimsJsonObjectsWithMetricsAndArraysOfMetricObjects() {
        assertThat(format.name()).isEqualTo("kpi-json");
        assertThat(format.supports("kpi.json", head(bytes("kpi-night-hil.json")))).isTrue();
        assertThat(format.supports("kpi.json", utf8(" \n[ {\"metric\": \"recall\", \"value\": 1}]"))).isTrue();
        assertThat(format.supports("kpi.txt", head(bytes("kpi-night-hil.json")))).isFalse();
        assertThat(format.supports("times.json", head(bytes("trtexec-times.json")))).isFalse();
        assertThat(format.supports("layers.json", head(bytes("trtexec-layers-names.json")))).isFalse();
        assertThat(format.supports("x.json", utf8("{\"name\": \"metrics\"}"))).as("a value is not a key").isFalse();
    }

    @Test
    void topLevelScopeIsADefaultThatAMetricsOwnScopeOverrides() {
        ParsedEvidence evidence = read(format, "kpi-night-hil.json");

        assertThat(evidence.format()).isEqualTo("kpi-json");
        assertThat(value(evidence, "recall", "class", "pedestrian", "iou", "0.5", "set", "night-hil"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.951"));
        assertThat(value(evidence, "false_positive_rate", "set", "night-hil"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0008"));
        assertThat(metric(evidence, "latency.p99_ms", "target", "orin", "set", "bench")).map(Metric::unit).hasValue("ms");
        assertThat(metric(evidence, "label_error_rate", "class", "pedestrian", "set", "night-hil")).map(Metric::unit).hasValue("%");
        assertThat(evidence.metrics()).hasSize(5);
        assertThat(evidence.notes()).contains("5 metrics", "default scope {set=night-hil}");
    }

    @Test
    void aBareArrayOfMetricsIsRead() {
        ParsedEvidence evidence = read(format, "k.json",
                "[{\"metric\": \"recall\", \"value\": 0.9, \"scope\": {\"class\": \"car\"}}, {\"metric\": \"ood_auroc\", \"value\": 9.1E-1}]");

        assertThat(value(evidence, "recall", "class", "car")).isPresent();
        assertThat(value(evidence, "ood_auroc")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.91"));
    }

    @Test
    void theTopLevelScopeMayComeAfterTheMetrics() {
        ParsedEvidence evidence = read(format, "k.json",
                "{\"metrics\": [{\"metric\": \"recall\", \"value\": 0.9}], \"scope\": {\"set\": \"fog-hil\"}}");

        assertThat(value(evidence, "recall", "set", "fog-hil")).isPresent();
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        assertThat(rejected(format, "k.json", "{\"metrics\": [{\"metric\": \"recall\", \"valeu\": 0.9}]}").getMessage())
                .isEqualTo("k.json: line 1, column 42: unknown field 'valeu' in metric 1; allowed: metric, value, unit, scope");
        assertThat(rejected(format, "k.json", "{\"metrics\": [], \"model\": \"x\"}").getMessage())
                .endsWith("unknown field 'model' at the top level; allowed: scope, metrics");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(rejected(format, "k.json", "{\"metrics\": [{\"metric\": \"recall\", \"value\": 0.9, \"value\": 0.1}]}").getMessage())
                .endsWith("key 'value' appears twice in metric 1");
        assertThat(rejected(format, "k.json", "{\"scope\": {\"set\": \"a\", \"set\": \"b\"}, \"metrics\": []}").getMessage())
                .endsWith("key 'set' appears twice in the scope of the top-level scope");
        assertThat(rejected(format, "k.json", "{\"metrics\": [], \"metrics\": []}").getMessage())
                .endsWith("key 'metrics' appears twice in the top-level object");
    }

    @Test
    void theSameMetricAndScopeTwiceIsRefused() {
        assertThat(rejected(format, "k.json", "{\"scope\": {\"set\": \"a\"}, \"metrics\": [{\"metric\": \"recall\", \"value\": 0.9},"
                + " {\"metric\": \"recall\", \"value\": 0.8, \"scope\": {\"set\": \"a\"}}]}").getMessage())
                .isEqualTo("k.json: metric 2: recall{set=a} is given twice, first as metric 1");
    }

    @Test
    void valuesMustBeNumbersAndUnitsKnown() {
        assertThat(rejected(format, "k.json", "[{\"metric\": \"recall\", \"value\": \"0.9\"}]").getMessage())
                .endsWith("metric 1: \"value\" must be a number, found a string");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"recall\", \"value\": null}]").getMessage())
                .endsWith("metric 1: \"value\" must be a number, found null");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"latency\", \"value\": 3, \"unit\": \"s\"}]").getMessage())
                .endsWith("metric 1, unit: unknown unit 's'; one of [ms, MiB, %, pp] or none");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"recall\", \"value\": 1e999999}]").getMessage())
                .contains("metric 1, value: '1e999999' has more than 30 digits before the decimal point");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"recall\"}]").getMessage())
                .endsWith("metric 1 needs both \"metric\" and \"value\"");
    }

    @Test
    void badNamesAndScopesAreRefusedNamingTheMetric() {
        assertThat(rejected(format, "k.json", "[{\"metric\": \"Recall\", \"value\": 1}]").getMessage())
                .contains("metric 1: bad metric name 'Recall'");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"recall\", \"value\": 1, \"scope\": {\"set\": \"night hil\"}}]").getMessage())
                .contains("metric 1: bad scope entry 'set=night hil'");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"recall\", \"value\": 1, \"scope\": {\"set\": [\"a\"]}}]").getMessage())
                .endsWith("metric 1: scope 'set' must be a string or a number, found an array");
    }

    @Test
    void otherShapesAreRefusedSayingWhatWasExpected() {
        assertThat(rejected(format, "k.json", "\"metrics\"").getMessage())
                .endsWith("expected a KPI JSON object with \"metrics\" or an array of metrics, found a string");
        assertThat(rejected(format, "k.json", "{\"scope\": {}}").getMessage()).endsWith("the object has no \"metrics\" array");
        assertThat(rejected(format, "k.json", "[1]").getMessage()).endsWith("metric 1 must be an object, found a number");
        assertThat(rejected(format, "k.json", "[] []").getMessage()).endsWith("unexpected content after the JSON value");
    }

    @Test
    void aTrtexecFileDeclaredAsKpiJsonIsRefusedNamingItsFormat() {
        assertThat(rejected(format, "times.json", bytes("trtexec-times.json")).getMessage())
                .isEqualTo("times.json: expected a KPI JSON document, found a trtexec --exportTimes array; "
                        + "declare the format 'trtexec-times' for it");
    }

    @Test
    void aDepthBombOfAHundredThousandBracketsIsRefusedFast() {
        byte[] bomb = utf8("[".repeat(100_000) + "]".repeat(100_000));

        EvidenceRejected e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejected(format, "bomb.json", bomb));

        assertThat(e.getMessage()).isEqualTo("bomb.json: line 1: JSON nested deeper than 16 levels");
    }

    @Test
    void nestingWithinTheLimitButDeeperThanTheConventionIsRefusedAsAWrongShape() {
        assertThat(rejected(format, "k.json", "{\"metrics\": [{\"metric\": \"r\", \"value\": 1, \"scope\": {\"a\": {\"b\": 1}}}]}")
                .getMessage()).endsWith("metric 1: scope 'a' must be a string or a number, found an object");
    }

    @Test
    void stringsLongerThanFourKibAreRefused() {
        String name = "a".repeat(5000);

        assertThat(rejected(format, "k.json", "[{\"metric\": \"" + name + "\", \"value\": 1}]").getMessage())
                .endsWith("a string longer than 4096 characters");
        assertThat(rejected(format, "k.json", "[{\"metric\": \"" + "a".repeat(30_000) + "\", \"value\": 1}]").getMessage())
                .isEqualTo("k.json: line 1: a JSON string or number longer than 24578 bytes");
    }

    @Test
    void brokenJsonIsRefusedWithLineAndColumn() {
        EvidenceRejected e = rejected(format, "k.json", "{\"metrics\": [\n  {\"metric\": \"recall\" \"value\": 1}\n]}");

        assertThat(e.getMessage()).startsWith("k.json: line 2, column ").contains("not valid JSON");
        assertThat(rejected(format, "k.json", "{\"metrics\": [").getMessage()).startsWith("k.json: ").contains("JSON");
    }

    @Test
    void rawControlCharactersInStringsAreRefusedHere() {
        assertThat(rejected(format, "k.json", "[{\"metric\": \"rec\u001Eall\", \"value\": 1}]").getMessage())
                .contains("not valid JSON");
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = "[{\"metric\": \"recall\", \"value\": 1, \"scope\": {\"set\": \"n\u00FC\"}}]".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rejected(format, "k.json", latin1).getMessage()).startsWith("k.json: ").contains("not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        ParsedEvidence evidence = read(format, "k.json", "\uFEFF[{\"metric\": \"recall\", \"value\": 1}]");

        assertThat(value(evidence, "recall")).isPresent();
    }
}
