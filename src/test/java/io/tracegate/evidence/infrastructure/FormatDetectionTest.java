package io.tracegate.evidence.infrastructure;

import io.tracegate.evidence.application.EvidenceFormatChooser;
import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.infrastructure.junit.JunitXmlFormat;
import io.tracegate.evidence.infrastructure.kpi.KpiCsvFormat;
import io.tracegate.evidence.infrastructure.kpi.KpiJsonFormat;
import io.tracegate.evidence.infrastructure.trtexec.TrtexecLayerInfoFormat;
import io.tracegate.evidence.infrastructure.trtexec.TrtexecProfileFormat;
import io.tracegate.evidence.infrastructure.trtexec.TrtexecTimesFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.tracegate.evidence.infrastructure.Samples.bytes;
import static io.tracegate.evidence.infrastructure.Samples.head;
import static org.assertj.core.api.Assertions.assertThat;

/** Every sample is claimed by exactly one of the real formats, and the chooser picks that one. */
class FormatDetectionTest {

    private final List<EvidenceFormat> formats = List.of(new JunitXmlFormat(), new KpiCsvFormat(), new KpiJsonFormat(),
            new TrtexecTimesFormat(), new TrtexecProfileFormat(), new TrtexecLayerInfoFormat());
    private final EvidenceFormatChooser chooser = new EvidenceFormatChooser(formats);

    @Test
    void eachSampleIsClaimedByExactlyOneFormat() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("TEST-io.tracegate.hil.PedestrianRecallIT.xml", "junit-xml"),
                Map.entry("pytest-junit.xml", "junit-xml"),
                Map.entry("googletest.xml", "junit-xml"),
                Map.entry("node-test-runner.xml", "junit-xml"),
                Map.entry("jest-junit.xml", "junit-xml"),
                Map.entry("kpi-night-hil.csv", "kpi-csv"),
                Map.entry("kpi-night-hil.json", "kpi-json"),
                Map.entry("trtexec-times.json", "trtexec-times"),
                Map.entry("trtexec-times-endtoend.json", "trtexec-times"),
                Map.entry("trtexec-profile.json", "trtexec-profile"),
                Map.entry("trtexec-profile-old.json", "trtexec-profile"),
                Map.entry("trtexec-layers-names.json", "trtexec-layers"),
                Map.entry("trtexec-layers-detailed.json", "trtexec-layers"));

        expected.forEach((sample, format) -> {
            byte[] head = head(bytes(sample));
            assertThat(formats.stream().filter(f -> f.supports(sample, head)).map(EvidenceFormat::name))
                    .as(sample).containsExactly(format);
            assertThat(chooser.detect(sample, head)).as(sample).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo(format));
        });
    }

    @Test
    void everyRealFormatIsDeclarableByName() {
        assertThat(chooser.names()).containsExactly("junit-xml", "kpi-csv", "kpi-json", "opaque", "trtexec-layers",
                "trtexec-profile", "trtexec-times");
    }

    @Test
    void filesOfNoKnownKindStayOpaque() {
        assertThat(chooser.detect("run.log", "INFO start".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(chooser.detect("pom.xml", "<project/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(chooser.detect("output.json", "[{\"name\": \"detections\", \"dimensions\": \"1x85\", \"values\": []}]"
                .getBytes(StandardCharsets.UTF_8))).as("trtexec --exportOutput").isEmpty();
        assertThat(chooser.detect("results.json", "{\"lst\": []}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(chooser.detect("empty.json", new byte[0])).isEmpty();
    }

    @Test
    void aHeadCutInTheMiddleOfTheFirstObjectStillDecides() {
        byte[] head = "[\n  { \"startEnqMs\" : 0.1, \"endEnqMs\" : 0.".getBytes(StandardCharsets.UTF_8);

        assertThat(chooser.detect("times.json", head)).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("trtexec-times"));
    }
}
