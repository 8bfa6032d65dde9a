package io.tracegate.audit.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PackageLayoutTest {

    @Test
    void storedFilesGetSafePathsUnderTheirId() {
        assertThat(PackageLayout.evidencePath(12, "kpi-night-hil.csv")).isEqualTo("evidence/12/kpi-night-hil.csv");
        assertThat(PackageLayout.artifactPath(3, "fcod int8 (final).onnx")).isEqualTo("evidence/artifacts/3/fcod_int8__final_.onnx");
        assertThat(PackageLayout.evidencePath(1, "\u202Egpj.exe")).isEqualTo("evidence/1/_gpj.exe");
        assertThat(PackageLayout.evidencePath(1, "..")).isEqualTo("evidence/1/_..");
        assertThat(PackageLayout.evidencePath(1, ".hidden")).isEqualTo("evidence/1/_.hidden");
        assertThat(PackageLayout.evidencePath(1, "日本.csv")).isEqualTo("evidence/1/__.csv");
        assertThat(PackageLayout.evidencePath(1, "x".repeat(300))).hasSize("evidence/1/".length() + PackageLayout.MAX_NAME);
    }
}
