package io.tracegate.evidence.infrastructure;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.infrastructure.junit.JunitXmlFormat;
import io.tracegate.evidence.infrastructure.kpi.KpiCsvFormat;
import io.tracegate.evidence.infrastructure.kpi.KpiJsonFormat;
import io.tracegate.evidence.infrastructure.onnx.OnnxFormat;
import io.tracegate.evidence.infrastructure.trtexec.TrtexecLayerInfoFormat;
import io.tracegate.evidence.infrastructure.trtexec.TrtexecProfileFormat;
import io.tracegate.evidence.infrastructure.trtexec.TrtexecTimesFormat;

import java.io.ByteArrayInputStream;

import static io.tracegate.platform.failure.ParserInvariant.readsOrRefuses;

/**
 * The evidence formats under coverage-guided fuzzing (Jazzer): whatever the bytes, each format reads the file
 * or refuses it with the documented {@code EvidenceRejected} (400), never another exception, in bounded time.
 * {@code mvn test} replays the committed seeds in {@code EvidenceFormatsFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes (README, Tests).
 */
class EvidenceFormatsFuzzTest {

    private static void read(EvidenceFormat format, String fileName, byte[] file) {
        readsOrRefuses(() -> format.read(fileName, new ByteArrayInputStream(file)));
    }

    @FuzzTest(maxDuration = "60s")
    void junitXml(byte[] file) {
        read(new JunitXmlFormat(), "TEST-fuzz.xml", file);
    }

    @FuzzTest(maxDuration = "60s")
    void kpiCsv(byte[] file) {
        read(new KpiCsvFormat(), "kpi-fuzz.csv", file);
    }

    @FuzzTest(maxDuration = "60s")
    void kpiJson(byte[] file) {
        read(new KpiJsonFormat(), "kpi-fuzz.json", file);
    }

    @FuzzTest(maxDuration = "60s")
    void trtexecTimes(byte[] file) {
        read(new TrtexecTimesFormat(), "trtexec-times.json", file);
    }

    @FuzzTest(maxDuration = "60s")
    void trtexecProfile(byte[] file) {
        read(new TrtexecProfileFormat(), "trtexec-profile.json", file);
    }

    @FuzzTest(maxDuration = "60s")
    void trtexecLayerInfo(byte[] file) {
        read(new TrtexecLayerInfoFormat(), "trtexec-layers.json", file);
    }

    @FuzzTest(maxDuration = "60s")
    void onnx(byte[] file) {
        read(new OnnxFormat(), "model.onnx", file);
    }
}
