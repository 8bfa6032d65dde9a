package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceFormatChooserTest {

    /** A format that supports files with its extension, at its priority. */
    private record Fake(String name, String extension, int priority) implements EvidenceFormat {
        @Override
        public boolean supports(String fileName, byte[] head) {
            return fileName.endsWith(extension);
        }

        @Override
        public ParsedEvidence read(String fileName, InputStream content) {
            return ParsedEvidence.opaque();
        }
    }

    private final Fake csv = new Fake("kpi-csv", ".csv", 10);
    private final Fake json = new Fake("kpi-json", ".json", 10);
    private final Fake times = new Fake("trtexec-times", ".json", 20);
    private final EvidenceFormatChooser chooser = new EvidenceFormatChooser(List.of(json, times, csv));

    @Test
    void aDeclaredNameChoosesItsFormatWhateverItsCase() {
        assertThat(chooser.named("kpi-csv")).containsSame(csv);
        assertThat(chooser.named(" KPI-JSON ")).containsSame(json);
    }

    @Test
    void declaringOpaqueChoosesNoFormat() {
        assertThat(chooser.named("opaque")).isEmpty();
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> chooser.named("junit"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("unknown format 'junit'; one of [kpi-csv, kpi-json, opaque, trtexec-times]")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("format");
        assertThatThrownBy(() -> chooser.named(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void detectionPicksTheHighestPriorityAmongSupporters() {
        assertThat(chooser.detect("times.json", new byte[0])).containsSame(times);
        assertThat(chooser.detect("kpi.csv", new byte[0])).containsSame(csv);
    }

    @Test
    void aFileNoFormatSupportsIsOpaque() {
        assertThat(chooser.detect("drive.mcap", new byte[0])).isEmpty();
    }

    @Test
    void equalPrioritiesAreBrokenByNameNotByDiscoveryOrder() {
        Fake a = new Fake("a-format", ".x", 5);
        Fake b = new Fake("b-format", ".x", 5);

        assertThat(new EvidenceFormatChooser(List.of(a, b)).detect("f.x", new byte[0])).containsSame(a);
        assertThat(new EvidenceFormatChooser(List.of(b, a)).detect("f.x", new byte[0])).containsSame(a);
    }

    @Test
    void twoFormatsWithOneNameAreAProgrammingError() {
        assertThatThrownBy(() -> new EvidenceFormatChooser(List.of(csv, new Fake("kpi-csv", ".txt", 1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
