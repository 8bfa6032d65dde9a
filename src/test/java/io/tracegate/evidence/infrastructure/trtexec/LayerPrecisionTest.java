package io.tracegate.evidence.infrastructure.trtexec;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LayerPrecisionTest {

    @Test
    void formatTextsOfDifferentTensorRtVersionsNameTheirPrecision() {
        assertThat(LayerPrecision.of("Int8")).isEqualTo("int8");
        assertThat(LayerPrecision.of("Thirty-two wide channel vectorized row major Int8 format.")).isEqualTo("int8");
        assertThat(LayerPrecision.of("Half")).isEqualTo("fp16");
        assertThat(LayerPrecision.of("Channel major FP16 format where channel % 4 == 0")).isEqualTo("fp16");
        assertThat(LayerPrecision.of("Float")).isEqualTo("fp32");
        assertThat(LayerPrecision.of("Row major linear FP32")).isEqualTo("fp32");
        assertThat(LayerPrecision.of("BFloat16")).isEqualTo("bf16");
        assertThat(LayerPrecision.of("UInt8")).isEqualTo("uint8");
        assertThat(LayerPrecision.of("FP8")).isEqualTo("fp8");
        assertThat(LayerPrecision.of("Int32")).isEqualTo("int32");
        assertThat(LayerPrecision.of("N/A due to dynamic shapes")).isEqualTo("unknown");
    }

    @Test
    void aLayerHasItsOutputsSharedPrecisionOrIsMixed() {
        assertThat(LayerPrecision.ofLayer(Set.of("int8"))).isEqualTo("int8");
        assertThat(LayerPrecision.ofLayer(Set.of("int8", "unknown"))).isEqualTo("int8");
        assertThat(LayerPrecision.ofLayer(Set.of("int8", "fp32"))).isEqualTo("mixed");
        assertThat(LayerPrecision.ofLayer(Set.of())).isEqualTo("unknown");
    }
}
