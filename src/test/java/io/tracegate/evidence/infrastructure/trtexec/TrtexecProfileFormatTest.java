package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.tracegate.evidence.infrastructure.Samples.bytes;
import static io.tracegate.evidence.infrastructure.Samples.head;
import static io.tracegate.evidence.infrastructure.Samples.metric;
import static io.tracegate.evidence.infrastructure.Samples.read;
import static io.tracegate.evidence.infrastructure.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;

class TrtexecProfileFormatTest {

    private final TrtexecProfileFormat format = new TrtexecProfileFormat();

    private static String value(ParsedEvidence evidence, String name, String... scope) {
        return metric(evidence, name, scope).map(m -> m.value().toPlainString()).orElse(null);
    }

    private static String layer(String name, double averageMs) {
        return ", { \"name\" : \"" + name + "\", \"timeMs\" : " + averageMs * 10 + ", \"averageMs\" : " + averageMs
                + ", \"percentage\" : 10 }\n";
    }

    @Test
    void claimsArraysStartingWithTheIterationCount() {
        assertThat(format.name()).isEqualTo("trtexec-profile");
        assertThat(format.supports("profile.json", head(bytes("trtexec-profile-old.json")))).isTrue();
        assertThat(format.supports("profile.json", head(bytes("trtexec-profile.json")))).isTrue();
        assertThat(format.supports("times.json", head(bytes("trtexec-times.json")))).isFalse();
        assertThat(format.supports("kpi.json", "[{\"metric\": \"count\", \"value\": 1}]".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anOlderProfileWithoutMediansGivesAveragesPercentagesAndTotals() {
        ParsedEvidence evidence = read(format, "trtexec-profile-old.json");

        assertThat(value(evidence, "profile.iterations")).isEqualTo("1012");
        assertThat(value(evidence, "profile.total_ms")).isEqualTo("1.488726");
        assertThat(value(evidence, "layer.average_ms", "layer", "backbone-stem-conv-Conv-backbone-stem-act-Relu")).isEqualTo("0.397345");
        assertThat(metric(evidence, "layer.percentage", "layer", "backbone-stem-conv-Conv-backbone-stem-act-Relu"))
                .map(Metric::unit).hasValue("%");
        assertThat(value(evidence, "layer.average_ms", "layer", "ForeignNode-head-Reshape...-head-Concat_3")).isEqualTo("0.456413");
        assertThat(value(evidence, "layer.average_ms", "layer",
                "Reformatting-CopyNode-for-Output-Tensor-0-to-ForeignNode-head-Reshape...-head-Concat_3")).isEqualTo("0.015964");
        assertThat(evidence.metrics()).noneMatch(m -> m.name().equals("layer.median_ms"));
        assertThat(evidence.notes()).containsExactly("5 layers over 1012 iterations; no medianMs (older TensorRT)");
    }

    @Test
    void aNewerProfileAlsoGivesMedians() {
        ParsedEvidence evidence = read(format, "trtexec-profile.json");

        assertThat(value(evidence, "layer.median_ms", "layer", "backbone-stem-conv-Conv-backbone-stem-act-Relu")).isEqualTo("0.3968");
        assertThat(metric(evidence, "layer.median_ms", "layer", "backbone-stem-conv-Conv-backbone-stem-act-Relu"))
                .map(Metric::unit).hasValue("ms");
        assertThat(value(evidence, "profile.total_ms")).isEqualTo("1");
        assertThat(evidence.metrics()).hasSize(2 + 3 * 3);
        assertThat(evidence.notes()).containsExactly("3 layers over 250 iterations");
    }

    @Test
    void rawControlCharactersProfileSuffixesAndLookAlikeNamesGetDistinctSlugs() {
        String json = "[\n  { \"count\" : 10 }\n"
                + layer("conv1\u001E[ONNX Layer: conv1]", 0.5)
                + layer("conv1 [profile 1]", 0.25)
                + layer("conv1 + relu", 0.125)
                + layer("conv1 : relu", 0.0625)
                + "]\n";

        ParsedEvidence evidence = read(format, "p.json", json);

        assertThat(value(evidence, "layer.average_ms", "layer", "conv1-ONNX-Layer-conv1", "profile", "0")).isEqualTo("0.5");
        assertThat(value(evidence, "layer.average_ms", "layer", "conv1", "profile", "1")).isEqualTo("0.25");
        assertThat(value(evidence, "layer.average_ms", "layer", "conv1-relu", "profile", "0")).isEqualTo("0.125");
        assertThat(value(evidence, "layer.average_ms", "layer", "conv1-relu-2", "profile", "0")).isEqualTo("0.0625");
        assertThat(value(evidence, "profile.total_ms", "profile", "0")).isEqualTo("0.6875");
        assertThat(value(evidence, "profile.total_ms", "profile", "1")).isEqualTo("0.25");
        assertThat(evidence.notes()).containsExactly("4 layers over 10 iterations; no medianMs (older TensorRT); "
                + "optimization profiles 0, 1", "layer conv1-relu-2 is 'conv1 : relu'");
    }

    @Test
    void longNamesAreCutToAValidScopeValueAndTheOriginalNoted() {
        String name = "/backbone/" + "block/".repeat(40) + "Conv";

        ParsedEvidence evidence = read(format, "p.json", "[{\"count\": 1}" + layer(name, 1) + "]");

        Metric average = metric(evidence, "layer.average_ms", "layer", ("backbone-" + "block-".repeat(40)).substring(0, 120)).orElseThrow();
        assertThat(average.scope().get("layer")).hasSize(120);
        assertThat(evidence.notes()).anyMatch(n -> n.startsWith("layer backbone-block-") && n.contains("is '/backbone/block/"));
    }

    @Test
    void controlCharactersInNotesAreShownEscaped() {
        ParsedEvidence evidence = read(format, "p.json", "[{\"count\": 1}" + layer("\u001F", 1) + "]");

        assertThat(value(evidence, "layer.average_ms", "layer", "layer")).isEqualTo("1");
        assertThat(evidence.notes()).contains("layer layer is '\\u001F'");
    }

    @Test
    void anObjectDeclaredAsAProfileIsRefusedSayingWhatWasExpected() {
        assertThat(rejected(format, "p.json", "{\"count\": 1}").getMessage())
                .endsWith("expected a trtexec --exportProfile array, found an object");
    }

    @Test
    void otherExportsDeclaredAsAProfileAreRefusedNamingTheirFormat() {
        assertThat(rejected(format, "t.json", bytes("trtexec-times.json")).getMessage())
                .isEqualTo("t.json: expected a trtexec --exportProfile array, found a trtexec --exportTimes array; "
                        + "declare the format 'trtexec-times' for it");
    }

    @Test
    void theIterationCountMustComeFirstAndBeAWholePositiveNumber() {
        assertThat(rejected(format, "p.json", "[{\"name\": \"a\", \"averageMs\": 1}]").getMessage())
                .endsWith("expected {\"count\": N} as the first element, found the key 'name'");
        assertThat(rejected(format, "p.json", "[{\"count\": 0}]").getMessage())
                .endsWith("expected {\"count\": N} with N a whole number of iterations, at least 1");
        assertThat(rejected(format, "p.json", "[{\"count\": 2.5}]").getMessage()).contains("whole number");
        assertThat(rejected(format, "p.json", "[]").getMessage()).endsWith("expected {\"count\": N} as the first element, found the end of the array");
    }

    @Test
    void layersWithUnknownOrMissingFieldsAreRefused() {
        assertThat(rejected(format, "p.json", "[{\"count\": 1}, {\"name\": \"a\", \"timeMs\": 1, \"averageMs\": 1, \"percentage\": 1, \"gpu\": 1}]")
                .getMessage()).contains("unknown field 'gpu' in layer 1; a trtexec --exportProfile layer has name, timeMs, averageMs, medianMs, percentage");
        assertThat(rejected(format, "p.json", "[{\"count\": 1}, {\"name\": \"a\", \"timeMs\": 1, \"percentage\": 1}]").getMessage())
                .endsWith("layer 1 has no \"averageMs\"");
        assertThat(rejected(format, "p.json", "[{\"count\": 1}, {\"timeMs\": 1, \"averageMs\": 1, \"percentage\": 1}]").getMessage())
                .endsWith("layer 1 has no \"name\"");
        assertThat(rejected(format, "p.json", "[{\"count\": 1}, {\"name\": \"a\", \"timeMs\": 1, \"averageMs\": -1, \"percentage\": 1}]")
                .getMessage()).endsWith("layer 1: \"averageMs\" is negative");
    }

    @Test
    void aQuoteTrtexecLeftUnescapedInALayerNameIsRefusedAsBrokenJson() {
        EvidenceRejected e = rejected(format, "p.json", "[{\"count\": 1}\n, {\"name\": \"say \"hi\"\", \"timeMs\": 1, \"averageMs\": 1, \"percentage\": 1}]");

        assertThat(e.getMessage()).startsWith("p.json: line 2, column ").contains("not valid JSON");
    }

    @Test
    void moreThanAHundredThousandLayersAreRefused() {
        StringBuilder json = new StringBuilder("[{\"count\": 1}");
        for (int i = 0; i <= TrtexecProfileFormat.MAX_LAYERS; i++) {
            json.append(",{\"name\":\"l").append(i).append("\",\"timeMs\":1,\"averageMs\":1,\"percentage\":0}");
        }
        json.append("]");

        assertThat(rejected(format, "p.json", json.toString()).getMessage()).endsWith("more than 100000 layers");
    }
}
