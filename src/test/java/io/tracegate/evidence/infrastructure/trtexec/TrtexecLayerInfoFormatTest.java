package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ParsedEvidence;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.tracegate.evidence.infrastructure.Samples.bytes;
import static io.tracegate.evidence.infrastructure.Samples.head;
import static io.tracegate.evidence.infrastructure.Samples.metric;
import static io.tracegate.evidence.infrastructure.Samples.read;
import static io.tracegate.evidence.infrastructure.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TrtexecLayerInfoFormatTest {

    private final TrtexecLayerInfoFormat format = new TrtexecLayerInfoFormat();

    private static String value(ParsedEvidence evidence, String name, String... scope) {
        return metric(evidence, name, scope).map(m -> m.value().toPlainString()).orElse(null);
    }

    private static String detailedLayer(String name, String... outputFormats) {
        StringBuilder outputs = new StringBuilder();
        for (String f : outputFormats) {
            outputs.append(outputs.length() == 0 ? "" : ",").append("{\"Name\": \"t\", \"Dimensions\": [1,2], \"Format/Datatype\": \"")
                    .append(f).append("\"}");
        }
        return "{\"Name\": \"" + name + "\", \"LayerType\": \"CaskConvolution\", \"Inputs\": [], \"Outputs\": [" + outputs
                + "], \"Metadata\": \"[ONNX Layer: " + name + "]\u001E[ONNX Layer: x]\", \"Weights\": {\"Type\": \"Int8\", \"Count\": 9}}";
    }

    @Test
    void claimsObjectsWhoseFirstKeyIsLayers() {
        assertThat(format.name()).isEqualTo("trtexec-layers");
        assertThat(format.supports("layers.json", head(bytes("trtexec-layers-names.json")))).isTrue();
        assertThat(format.supports("layers.json", head(bytes("trtexec-layers-detailed.json")))).isTrue();
        assertThat(format.supports("kpi.json", head(bytes("kpi-night-hil.json")))).isFalse();
    }

    @Test
    void layerNamesOnlyGiveTheCountAndANoteOnDetailedVerbosity() {
        ParsedEvidence evidence = read(format, "trtexec-layers-names.json");

        assertThat(value(evidence, "layers.count")).isEqualTo("5");
        assertThat(value(evidence, "bindings.count")).isEqualTo("2");
        assertThat(evidence.metrics()).extracting(m -> m.name()).containsExactlyInAnyOrder("layers.count", "bindings.count");
        assertThat(evidence.notes()).containsExactly("5 layer names only; an engine built with --profilingVerbosity=detailed "
                + "also tells the layers' precisions");
    }

    @Test
    void detailedLayersGivePrecisionCountsAndTheInt8FractionFromTheirOutputs() {
        ParsedEvidence evidence = read(format, "trtexec-layers-detailed.json");

        assertThat(value(evidence, "layers.count")).isEqualTo("5");
        assertThat(value(evidence, "layers.precision_count", "precision", "int8")).isEqualTo("2");
        assertThat(value(evidence, "layers.precision_count", "precision", "fp16")).isEqualTo("2");
        assertThat(value(evidence, "layers.precision_count", "precision", "fp32")).isEqualTo("1");
        assertThat(value(evidence, "layers.int8_fraction")).isEqualTo("0.4");
        assertThat(value(evidence, "bindings.count")).isEqualTo("2");
        assertThat(evidence.notes()).containsExactly("5 layers by precision {fp16=2, fp32=1, int8=2}");
    }

    @Test
    void olderFilesWithoutBindingsAreRead() {
        ParsedEvidence evidence = read(format, "l.json", "{\"Layers\": [\"a\", \"b\"]}");

        assertThat(value(evidence, "layers.count")).isEqualTo("2");
        assertThat(value(evidence, "bindings.count")).isNull();
    }

    @Test
    void multiProfileEnginesAreCountedPerProfileAndRawControlCharactersAreCopedWith() {
        String json = "{\"Layers\": [" + detailedLayer("conv\u001E1", "Int8") + "," + detailedLayer("conv\u001F2", "Half") + ","
                + detailedLayer("conv\u001E1 [profile 1]", "Int8") + "," + detailedLayer("conv\u001F2 [profile 1]", "Int8")
                + "], \"Bindings\": [\"images\", \"images [profile 1]\", \"out\", \"out [profile 1]\"]}";

        ParsedEvidence evidence = read(format, "l.json", json);

        assertThat(value(evidence, "layers.count", "profile", "0")).isEqualTo("2");
        assertThat(value(evidence, "layers.count", "profile", "1")).isEqualTo("2");
        assertThat(value(evidence, "layers.int8_fraction", "profile", "0")).isEqualTo("0.5");
        assertThat(value(evidence, "layers.int8_fraction", "profile", "1")).isEqualTo("1");
        assertThat(value(evidence, "layers.precision_count", "precision", "fp16", "profile", "0")).isEqualTo("1");
        assertThat(value(evidence, "layers.count")).as("no unscoped count for a multi-profile engine").isNull();
    }

    @Test
    void layersWithOutputsOfDifferentOrUnknownPrecisionAreCountedAsSuch() {
        String json = "{\"Layers\": [" + detailedLayer("a", "Int8", "Float") + "," + detailedLayer("b", "N/A due to dynamic shapes")
                + "," + detailedLayer("c") + "]}";

        ParsedEvidence evidence = read(format, "l.json", json);

        assertThat(value(evidence, "layers.precision_count", "precision", "mixed")).isEqualTo("1");
        assertThat(value(evidence, "layers.precision_count", "precision", "unknown")).isEqualTo("2");
        assertThat(value(evidence, "layers.int8_fraction")).isEqualTo("0");
    }

    @Test
    void anArrayDeclaredAsLayerInfoIsRefusedSayingWhatWasExpected() {
        assertThat(rejected(format, "l.json", "[\"conv1\"]").getMessage())
                .endsWith("expected a trtexec --exportLayerInfo object, found an array");
    }

    @Test
    void otherExportsDeclaredAsLayerInfoAreRefusedNamingTheirFormat() {
        assertThat(rejected(format, "p.json", bytes("trtexec-profile-old.json")).getMessage())
                .isEqualTo("p.json: expected a trtexec --exportLayerInfo object, found a trtexec --exportProfile array; "
                        + "declare the format 'trtexec-profile' for it");
    }

    @Test
    void unknownTopLevelFieldsAndAMissingLayersArrayAreRefused() {
        assertThat(rejected(format, "l.json", "{\"Layers\": [], \"Engine\": {}}").getMessage())
                .endsWith("unknown field 'Engine' at the top level; a trtexec --exportLayerInfo object has Layers and Bindings");
        assertThat(rejected(format, "l.json", "{\"Bindings\": []}").getMessage()).endsWith("the object has no \"Layers\" array");
        assertThat(rejected(format, "l.json", "{\"Layers\": {}}").getMessage()).endsWith("\"Layers\" must be an array, found an object");
        assertThat(rejected(format, "l.json", "{\"Layers\": [1]}").getMessage()).endsWith("layer 1 must be a name or an object, found a number");
        assertThat(rejected(format, "l.json", "{\"Layers\": [{\"Name\": \"a\", \"Name\": \"b\"}]}").getMessage())
                .endsWith("key 'Name' appears twice in layer 1");
    }

    @Test
    void aDepthBombInsideALayerIsRefusedFast() {
        byte[] bomb = ("{\"Layers\": [{\"Name\": \"a\", \"Kernel\": " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        EvidenceRejected e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejected(format, "l.json", bomb));

        assertThat(e.getMessage()).isEqualTo("l.json: line 1: JSON nested deeper than 32 levels");
    }
}
