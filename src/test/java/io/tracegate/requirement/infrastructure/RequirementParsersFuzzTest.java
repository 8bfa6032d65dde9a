package io.tracegate.requirement.infrastructure;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;

import static io.tracegate.platform.failure.ParserInvariant.readsOrRefuses;

/**
 * The requirement parsers under coverage-guided fuzzing (Jazzer): whatever the bytes, a ReqIF file, a zipped
 * ReqIF or a Markdown requirement with YAML front matter is read or refused with the documented
 * {@code BaselineRejected} (400), never another exception, in bounded time. {@code mvn test} replays the
 * committed seeds in {@code RequirementParsersFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (README, Tests).
 * ReqIF is read with a 4 KiB value bound, so that the fuzzer reaches the bound with small inputs.
 */
class RequirementParsersFuzzTest {

    private static final String VERSION = "0".repeat(64);

    @FuzzTest(maxDuration = "60s")
    void reqif(byte[] file) {
        readsOrRefuses(() -> new ReqifFormat(ReqifMapping.defaults(), 4096)
                .read("fuzz.reqif", new ByteArrayInputStream(file), VERSION));
    }

    @FuzzTest(maxDuration = "60s")
    void reqifz(byte[] file) {
        readsOrRefuses(() -> new ReqifFormat(ReqifMapping.defaults(), 4096)
                .read("fuzz.reqifz", new ByteArrayInputStream(file), VERSION));
    }

    @FuzzTest(maxDuration = "60s")
    void markdown(byte[] file) {
        readsOrRefuses(() -> new MarkdownFormat().read("requirements/FUZZ-1.md", new ByteArrayInputStream(file), VERSION));
    }
}
