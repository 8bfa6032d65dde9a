package io.tracegate.evidence.infrastructure.junit;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.evidence.domain.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tracegate.evidence.infrastructure.Samples.bytes;
import static io.tracegate.evidence.infrastructure.Samples.head;
import static io.tracegate.evidence.infrastructure.Samples.read;
import static io.tracegate.evidence.infrastructure.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JunitXmlFormatTest {

    private final JunitXmlFormat format = new JunitXmlFormat();

    private static Map<String, TestResult> byName(ParsedEvidence evidence) {
        return evidence.tests().stream().collect(Collectors.toMap(TestResult::name, Function.identity()));
    }

    @Test
    void claimsXmlFilesWhoseHeadShowsATestsuite() {
        assertThat(format.name()).isEqualTo("junit-xml");
        assertThat(format.supports("TEST-Foo.xml", head(bytes("TEST-io.tracegate.hil.PedestrianRecallIT.xml")))).isTrue();
        assertThat(format.supports("REPORT.XML", "<?xml version=\"1.0\"?><testsuites/>".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(format.supports("pom.xml", "<project/>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(format.supports("report.json", "<testsuite/>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(format.supports("report.xml", new byte[0])).isFalse();
        assertThat(format.supports(null, null)).isFalse();
    }

    @Test
    void surefireReportGivesEveryOutcomeWithMessagesAndClassnameAsSuite() {
        ParsedEvidence evidence = read(format, "TEST-io.tracegate.hil.PedestrianRecallIT.xml");
        Map<String, TestResult> tests = byName(evidence);

        assertThat(evidence.format()).isEqualTo("junit-xml");
        assertThat(evidence.metrics()).isEmpty();
        assertThat(tests).hasSize(6);
        TestResult night = tests.get("recallAtNightMeetsTarget");
        assertThat(night.outcome()).isEqualTo(TestOutcome.PASSED);
        assertThat(night.suite()).isEqualTo("io.tracegate.hil.PedestrianRecallIT");
        assertThat(night.seconds()).isEqualByComparingTo("3.214");
        assertThat(night.message()).isNull();
        assertThat(night.properties()).as("suite properties are not test-case properties").isEmpty();
        assertThat(tests.get("recallInFog").outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(tests.get("recallInFog").message()).isEqualTo("expected: <0.92> but was: <0.913>");
        assertThat(tests.get("recallInRain").outcome()).isEqualTo(TestOutcome.ERROR);
        assertThat(tests.get("recallInRain").message()).isEqualTo("Connection refused");
        assertThat(tests.get("recallInSnow").outcome()).isEqualTo(TestOutcome.SKIPPED);
        assertThat(tests.get("recallInSnow").message()).isEqualTo("snow set not labelled yet");
        assertThat(evidence.notes()).contains("dialect: surefire",
                "6 test cases: 1 passed, 2 failed, 1 errors, 1 skipped, 1 flaky");
    }

    @Test
    void surefireTestThatPassedOnlyOnARerunIsFlakyWithItsFirstFailureAndOneWithRerunFailuresFailed() {
        ParsedEvidence evidence = read(format, "TEST-io.tracegate.hil.PedestrianRecallIT.xml");
        Map<String, TestResult> tests = byName(evidence);

        assertThat(tests.get("recallInTunnel").outcome()).isEqualTo(TestOutcome.FLAKY);
        assertThat(tests.get("recallInTunnel").message()).isEqualTo("timed out after 30 seconds");
        assertThat(tests.get("recallWithLensSoiling").outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(evidence.notes()).contains("1 flaky failures of tests that passed on a rerun (those tests count as FLAKY, not passed)");
    }

    @Test
    void pytestCasePropertiesAreReadInBothAttributeAndTextForm() {
        ParsedEvidence evidence = read(format, "pytest-junit.xml");
        Map<String, TestResult> tests = byName(evidence);

        TestResult recall = tests.get("test_recall_pedestrian[night-hil]");
        assertThat(recall.suite()).isEqualTo("tests.test_kpi.TestNightRecall");
        assertThat(recall.properties()).containsExactlyEntriesOf(
                new java.util.TreeMap<>(Map.of("recall", "0.951", "requirement", "MLR-PERF-VRU-NIGHT")));
        assertThat(tests.get("test_calibration_set_disjoint").properties())
                .containsEntry("calibration_set", "fcod-calib-v7");
        assertThat(tests.get("test_false_positive_rate").outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(tests.get("test_false_positive_rate").message())
                .isEqualTo("AssertionError: false positive rate 0.0012 > 0.001\nassert 0.0012 <= 0.001");
        assertThat(tests.get("test_snow").outcome()).isEqualTo(TestOutcome.SKIPPED);
        assertThat(evidence.notes()).contains("dialect: pytest");
    }

    @Test
    void googleTestNotrunAndSkippedResultsAreSkippedAndFailureMessagesKept() {
        ParsedEvidence evidence = read(format, "googletest.xml");
        Map<String, TestResult> tests = byName(evidence);

        assertThat(tests.get("KeepsHighestScore").outcome()).isEqualTo(TestOutcome.PASSED);
        assertThat(tests.get("KeepsHighestScore").suite()).isEqualTo("NmsTest");
        assertThat(tests.get("SuppressesOverlappingBoxes").outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(tests.get("SuppressesOverlappingBoxes").message()).startsWith("postprocess/nms_test.cc:41\nExpected equality");
        assertThat(tests.get("DISABLED_HugeInput").outcome()).isEqualTo(TestOutcome.SKIPPED);
        assertThat(tests.get("RunsOnDla").outcome()).isEqualTo(TestOutcome.SKIPPED);
        assertThat(tests.get("RunsOnDla").message()).contains("no DLA on this host");
        assertThat(evidence.notes()).contains("dialect: googletest");
    }

    @Test
    void nodeTestRunnerCasesDirectlyUnderTestsuitesAreRead() {
        ParsedEvidence evidence = read(format, "node-test-runner.xml");
        Map<String, TestResult> tests = byName(evidence);

        assertThat(tests).containsOnlyKeys("decodes boxes", "rejects an empty tensor", "applies nms",
                "handles fp16 output", "clips to the image");
        assertThat(tests.get("decodes boxes").outcome()).isEqualTo(TestOutcome.PASSED);
        assertThat(tests.get("decodes boxes").suite()).as("classname wins over the suite").isEqualTo("test");
        assertThat(tests.get("clips to the image").outcome()).isEqualTo(TestOutcome.PASSED);
        assertThat(tests.get("handles fp16 output").outcome()).isEqualTo(TestOutcome.SKIPPED);
        assertThat(evidence.notes()).contains("dialect: node", "5 test cases: 3 passed, 1 failed, 0 errors, 1 skipped");
    }

    @Test
    void nodeFailureAttributeAndElementMakeOneFailureAndTheSummaryCommentsAreNoted() {
        ParsedEvidence evidence = read(format, "node-test-runner.xml");
        TestResult failed = byName(evidence).get("rejects an empty tensor");

        assertThat(failed.outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(failed.message()).isEqualTo("Expected values to be strictly equal:\n\n1 !== 2\n");
        assertThat(evidence.tests()).filteredOn(t -> t.outcome() == TestOutcome.FAILED).hasSize(1);
        assertThat(evidence.notes()).contains("the report's summary: tests 5, suites 2, pass 3, fail 1, cancelled 0, "
                + "skipped 1, todo 0, duration_ms 61.3");
    }

    @Test
    void jestFailureTextBecomesTheMessageAndTheSuiteNameStandsInForAMissingClassname() {
        ParsedEvidence evidence = read(format, "jest-junit.xml");
        Map<String, TestResult> tests = byName(evidence);

        assertThat(tests.get("postprocess clips to the image").message())
                .startsWith("Error: expect(received).toBe(expected)").contains("at Object.<anonymous>");
        assertThat(tests.get("postprocess keeps class ids").suite()).isEqualTo("postprocess.test.ts");
        assertThat(evidence.notes()).contains("dialect: jest");
    }

    @Test
    void nestedSuitesNameTheirCasesByTheInnermostSuite() {
        ParsedEvidence evidence = read(format, "r.xml", """
                <testsuites><testsuite name="outer"><testsuite name="inner"><testcase name="a"/></testsuite>
                <testcase name="b"/></testsuite></testsuites>""");

        assertThat(byName(evidence).get("a").suite()).isEqualTo("inner");
        assertThat(byName(evidence).get("b").suite()).isEqualTo("outer");
        assertThat(evidence.notes()).contains("dialect: generic");
    }

    @Test
    void aReportWithoutTestCasesIsValidAndSaysSo() {
        ParsedEvidence evidence = read(format, "empty.xml", "<?xml version=\"1.0\"?>\n<testsuites/>");

        assertThat(evidence.tests()).isEmpty();
        assertThat(evidence.notes()).contains("no test cases: the report is valid but ran nothing");
    }

    @Test
    void aQuarterGibibyteAttributeIsRefusedNamingItsElementWhileMegabytesOfSystemOutStillPass() {
        java.io.InputStream hostile = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream("<testsuite name=\"s\">\n<testcase name=\"".getBytes(StandardCharsets.UTF_8)),
                new java.io.InputStream() {
                    private long left = 250L << 20;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'n' : -1;
                    }
                },
                new java.io.ByteArrayInputStream("\"/></testsuite>".getBytes(StandardCharsets.UTF_8)))));

        EvidenceRejected e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowableOfType(
                () -> format.read("huge.xml", hostile), EvidenceRejected.class));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("huge.xml", "<testcase>", "line 2", "attribute value", "1048576");
    }

    @Test
    void longMessagesAreCutAndSystemOutIsNeverKept() {
        String trace = "x".repeat(50_000);
        String out = "y".repeat(2_000_000);
        ParsedEvidence evidence = read(format, "big.xml", "<testsuite name=\"s\"><testcase name=\"t\"><failure>" + trace
                + "</failure><system-out>" + out + "</system-out></testcase></testsuite>");

        TestResult t = evidence.tests().get(0);
        assertThat(t.message()).hasSize(TestResult.MAX_MESSAGE + 1).endsWith("…");
        assertThat(t.toString()).doesNotContain("yyy");
    }

    @Test
    void unreadableTimesAreLeftOutAndLocaleGroupedTimesAreRead() {
        ParsedEvidence evidence = read(format, "t.xml", """
                <testsuite name="s"><testcase name="a" time="abc"/><testcase name="b" time="1,234.5"/>
                <testcase name="c" time="-1"/></testsuite>""");

        assertThat(byName(evidence).get("a").seconds()).isNull();
        assertThat(byName(evidence).get("b").seconds()).isEqualByComparingTo("1234.5");
        assertThat(byName(evidence).get("c").seconds()).isNull();
        assertThat(evidence.notes()).contains("2 test cases with an unreadable time");
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreDecoded() {
        ParsedEvidence evidence = read(format, "e.xml",
                "<testsuite name=\"s\"><testcase name=\"a &amp; b &#x263A;\"><failure message=\"&lt;1&gt; &quot;q&quot;\"/></testcase></testsuite>");

        assertThat(evidence.tests().get(0).name()).isEqualTo("a & b ☺");
        assertThat(evidence.tests().get(0).message()).isEqualTo("<1> \"q\"");
    }

    @Test
    void doctypeWithAnExternalFileEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        EvidenceRejected e = rejected(format, "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<testsuite name=\"s\"><testcase name=\"&xxe;\"/></testsuite>");

        assertThat(e.getMessage()).startsWith("xxe.xml: line 2").contains("DOCTYPE is not allowed").doesNotContain("TOP-SECRET");
    }

    @Test
    void doctypeWithANetworkEntityIsRefusedAndTheServerIsNeverContacted() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            String url = "http://127.0.0.1:" + listener.getLocalPort();
            EvidenceRejected e = rejected(format, "net.xml", "<!DOCTYPE testsuite [<!ENTITY % p SYSTEM \"" + url
                    + "/p\"> %p;]><testsuite name=\"s\"/>");

            assertThat(e.getMessage()).contains("DOCTYPE is not allowed");
            assertThat(catchAccept(listener)).as("nobody connected").isTrue();
        }
    }

    private static boolean catchAccept(ServerSocket listener) throws Exception {
        try {
            listener.accept().close();
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    @Test
    void billionLaughsIsRefusedFast() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE testsuite [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><testsuite name=\"&lol9;\"/>";

        EvidenceRejected e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejected(format, "lol.xml", xml));
        assertThat(e.getMessage()).contains("DOCTYPE is not allowed").doesNotContain("lollol");
    }

    @Test
    void contentThatIsNotXmlIsRefusedWithItsLine() {
        EvidenceRejected e = rejected(format, "report.xml", "{\"tests\": []}");

        assertThat(e.getMessage()).startsWith("report.xml: line 1: not readable as XML");
    }

    @Test
    void brokenXmlIsRefusedWithTheLineOfTheBreak() {
        EvidenceRejected e = rejected(format, "report.xml", "<testsuite name=\"s\">\n<testcase name=\"a\">\n</testsuite>");

        assertThat(e.getMessage()).startsWith("report.xml: line 3: not readable as XML");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(rejected(format, "report.xml", "").getMessage()).startsWith("report.xml: ").contains("XML");
    }

    @Test
    void aWrongRootElementIsRefusedByName() {
        EvidenceRejected e = rejected(format, "pom.xml", "<?xml version=\"1.0\"?>\n<project><testsuite/></project>");

        assertThat(e.getMessage()).isEqualTo("pom.xml: line 2: not a JUnit XML report: the root element is <project>, "
                + "not <testsuites> or <testsuite>");
    }

    @Test
    void aTestCaseWithoutANameIsRefusedWithItsLine() {
        EvidenceRejected e = rejected(format, "r.xml", "<testsuite>\n<testcase classname=\"c\"/></testsuite>");

        assertThat(e.getMessage()).isEqualTo("r.xml: line 2: a <testcase> has no name");
    }

    @Test
    void nestingDeeperThanSixtyFourElementsIsRefused() {
        String xml = "<testsuites>" + "<testsuite>".repeat(64) + "</testsuite>".repeat(64) + "</testsuites>";

        assertThat(rejected(format, "deep.xml", xml).getMessage()).contains("nested deeper than 64 levels");
    }

    @Test
    void moreThanAMillionTestCasesAreRefused() {
        byte[] start = "<testsuite name=\"s\">".getBytes(StandardCharsets.UTF_8);
        byte[] testCase = "<testcase name=\"t\"/>".getBytes(StandardCharsets.UTF_8);
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(new ByteArrayInputStream(start));
        byte[] block = new byte[testCase.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(testCase, 0, block, i * testCase.length, testCase.length);
        }
        for (int i = 0; i < 1001; i++) {
            parts.add(new ByteArrayInputStream(block));
        }
        InputStream content = new SequenceInputStream(Collections.enumeration(parts));

        EvidenceRejected e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> format.read("huge.xml", content), EvidenceRejected.class);
        assertThat(e.getMessage()).contains("more than 1000000 test cases");
    }
}
