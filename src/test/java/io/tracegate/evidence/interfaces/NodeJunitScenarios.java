package io.tracegate.evidence.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.requirement.infrastructure.RequirementRepo;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JUnit report written by Node's own test runner ({@code node --test --test-reporter=junit}, run by the
 * scenario, never hand-written) with a passed, a failed and a skipped test, each naming an ASIL B HIL
 * requirement of a baseline the scenario imports. It goes to two releases: one gets the file before it is linked
 * to the baseline, the other after. What each outcome must lead to is read from Node's XML with the JDK's DOM
 * parser, not from Tracegate's reader. Needs {@code node} 20.10 or later on the PATH (the junit reporter).
 */
public interface NodeJunitScenarios extends ApiScenarios {

    /** Requirement id to the Node test that names it; the id opens the test's name. */
    Map<String, String> NODE_TESTS = nodeTests();

    private static Map<String, String> nodeTests() {
        Map<String, String> tests = new LinkedHashMap<>();
        tests.put("TSR-CAM-FREEZE", """
                test('TSR-CAM-FREEZE reports a frozen frame within 2 frames', () => {
                  assert.ok(framesUntilReported.freeze <= 2, 'frozen frame reported late');
                });
                """);
        tests.put("TSR-CAM-BLOCKAGE", """
                test('TSR-CAM-BLOCKAGE raises the blockage flag within 2 frames', () => {
                  assert.equal(framesUntilReported.blockage, 2, 'blockage flag raised after 5 frames, limit 2');
                });
                """);
        tests.put("TSR-CAM-WATCHDOG", """
                test('TSR-CAM-WATCHDOG restarts a hung pipeline', { skip: 'rig offline' }, () => {
                  assert.fail('a skipped test must not run');
                });
                """);
        return tests;
    }

    String REPORT_NAME = "node-junit.xml";

    /** One test case as Node wrote it: its outcome from the child element, and that element's message. */
    record NodeCase(String name, String outcome, String message) {
    }

    @Test
    default void nodesOwnReportFailsSkipsAndPassesItsRequirementsWhetherUploadedBeforeOrAfterTheBaselineLink()
            throws Exception {
        Path report = nodeReport();
        Map<String, NodeCase> written = casesByRequirement(report);
        long baseline = cameraBaseline();

        long uploadFirst = newRelease();
        long evidenceA = upload(uploadFirst, report);
        link(uploadFirst, baseline);
        accept(uploadFirst, evidenceA);

        long linkFirst = newRelease();
        link(linkFirst, baseline);
        long evidenceB = upload(linkFirst, report);
        JsonObject beforeReview = row(trace(linkFirst), passedRequirement(written));
        assertThat(beforeReview.getString("verdict")).as("ASIL B: a pass counts once a safety engineer accepts it")
                .isEqualTo("NOT_COVERED");
        accept(linkFirst, evidenceB);

        JsonObject a = trace(uploadFirst);
        JsonObject b = trace(linkFirst);
        for (JsonObject trace : List.of(a, b)) {
            written.forEach((requirement, test) -> {
                JsonObject row = row(trace, requirement);
                String seen = requirement + " " + row;
                switch (test.outcome()) {
                    case "failure" -> {
                        assertThat(row.getString("verdict")).as(seen).isEqualTo("FAILED");
                        assertThat(row.getString("reason")).as(seen)
                                .contains(REPORT_NAME, test.message(), "blockage flag raised after 5 frames");
                        JsonObject note = row.getJsonObject("tests").getJsonArray("notes").getJsonObject(0);
                        assertThat(note.getString("file")).as(seen).isEqualTo(REPORT_NAME);
                        assertThat(note.getString("outcome")).as(seen).isEqualTo("FAILED");
                        assertThat(note.getString("message")).as(seen).isEqualTo(test.message());
                        assertThat(row.getJsonObject("tests").getInt("failed")).as(seen).isEqualTo(1);
                    }
                    case "skipped" -> {
                        assertThat(row.getString("verdict")).as(seen).isEqualTo("NOT_COVERED");
                        assertThat(row.getString("reason")).as(seen).contains("rig offline");
                        assertThat(row.getJsonObject("tests").getInt("skipped")).as(seen).isEqualTo(1);
                        assertThat(row.getJsonObject("tests").getInt("passed")).as(seen).isZero();
                    }
                    default -> {
                        assertThat(row.getString("verdict")).as(seen).isEqualTo("PASSED");
                        assertThat(row.getJsonObject("tests").getInt("passed")).as(seen).isEqualTo(1);
                    }
                }
            });
        }
        assertThat(verdictsAndReasons(b)).as("link first, then upload").isEqualTo(verdictsAndReasons(a));
        assertThat(notesWithoutIds(b)).isEqualTo(notesWithoutIds(a));
        assertThat(b.getJsonObject("gate").getJsonObject("counts")).isEqualTo(a.getJsonObject("gate").getJsonObject("counts"));
        assertThat(b.getJsonObject("gate").getJsonArray("blocking")).isEqualTo(a.getJsonObject("gate").getJsonArray("blocking"));
    }

    @Test
    default void theGateOverNodesReportIsRedAndNamesTheFailedAndTheSkippedRequirement() throws Exception {
        Path report = nodeReport();
        Map<String, NodeCase> written = casesByRequirement(report);
        long release = newRelease();
        long evidence = upload(release, report);
        link(release, cameraBaseline());
        accept(release, evidence);

        JsonObject gate = trace(release).getJsonObject("gate");
        assertThat(gate.getBoolean("green")).as(gate.toString()).isFalse();
        List<String> blocking = gate.getJsonArray("blocking").getValuesAs(jakarta.json.JsonString::getString);
        List<String> notPassing = written.entrySet().stream().filter(e -> !e.getValue().outcome().equals("passed"))
                .map(Map.Entry::getKey).toList();
        assertThat(blocking).as(gate.toString()).containsAll(notPassing)
                .doesNotContain(passedRequirement(written))
                .as("the safety goal is no better than its worst child").contains("SG-CAM");
        assertThat(gate.getJsonObject("counts").getInt("FAILED")).as("the blockage test and the goal above it").isEqualTo(2);
        assertThat(gate.getJsonObject("counts").getInt("NOT_COVERED")).as(gate.toString()).isEqualTo(1);
        assertThat(gate.getJsonObject("counts").getInt("PASSED")).as(gate.toString()).isEqualTo(1);
    }

    /** Writes the Node test file and runs Node's test runner on it with the junit reporter; returns the report. */
    private static Path nodeReport() throws Exception {
        Path dir = Files.createTempDirectory("node-junit");
        Path tests = dir.resolve("camera-monitor.test.mjs");
        StringBuilder source = new StringBuilder("""
                import { test } from 'node:test';
                import assert from 'node:assert/strict';

                const framesUntilReported = { freeze: 1, blockage: 5 };

                """);
        NODE_TESTS.values().forEach(t -> source.append(t).append('\n'));
        Files.writeString(tests, source, StandardCharsets.UTF_8);
        Path report = dir.resolve(REPORT_NAME);
        Path console = dir.resolve("node.log");
        Process node;
        try {
            node = new ProcessBuilder("node", "--test", "--test-reporter=junit",
                    "--test-reporter-destination=" + report, tests.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("this scenario runs Node's test runner: install Node.js 20.10 or later "
                    + "(node on the PATH, with --test-reporter=junit); " + e.getMessage(), e);
        }
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            throw new AssertionError("node --test did not finish in 2 minutes: " + Files.readString(console));
        }
        assertThat(node.exitValue()).as("node exits 1 when a test fails; " + Files.readString(console)).isEqualTo(1);
        assertThat(report).as("Node's junit reporter wrote nothing; Node 20.10+ needed: " + Files.readString(console))
                .isNotEmptyFile();
        return report;
    }

    /** Node's test cases by the requirement their name opens with, read with the JDK's DOM parser. */
    private static Map<String, NodeCase> casesByRequirement(Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList cases = root.getElementsByTagName("testcase");
        Map<String, NodeCase> byRequirement = new TreeMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeCase read = new NodeCase(c.getAttribute("name"), "passed", null);
            for (String outcome : List.of("failure", "error", "skipped")) {
                NodeList child = c.getElementsByTagName(outcome);
                if (child.getLength() > 0) {
                    read = new NodeCase(read.name(), outcome, ((Element) child.item(0)).getAttribute("message"));
                }
            }
            String name = read.name();
            String requirement = NODE_TESTS.keySet().stream().filter(id -> name.startsWith(id + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("a test case Node made up: " + name));
            byRequirement.put(requirement, read);
        }
        assertThat(byRequirement.keySet()).containsExactlyInAnyOrderElementsOf(NODE_TESTS.keySet());
        assertThat(byRequirement.values()).extracting(NodeCase::outcome)
                .as("the premise: one of each").containsExactlyInAnyOrder("passed", "failure", "skipped");
        assertThat(byRequirement.get("TSR-CAM-WATCHDOG").message()).isEqualTo("rig offline");
        return byRequirement;
    }

    private static String passedRequirement(Map<String, NodeCase> written) {
        return written.entrySet().stream().filter(e -> e.getValue().outcome().equals("passed"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** A safety goal refined by three ASIL B technical safety requirements verified on the HIL rig. */
    private long cameraBaseline() throws Exception {
        Path root = Path.of(System.getProperty("tracegate.it.git-root", "target/it-git"));
        try (RequirementRepo repo = RequirementRepo.init(root.resolve(Api.unique("node-junit")))) {
            repo.write("requirements/safety-goals/SG-CAM.md", RequirementRepo.requirement("SG-CAM", "B", "safety-goal", "", ""));
            for (String id : NODE_TESTS.keySet()) {
                repo.write("requirements/system/" + id + ".md",
                        RequirementRepo.requirement(id, "B", "technical-safety-requirement", "SG-CAM", ""));
            }
            repo.commit("camera monitor requirements");
            Reply created = api().post(Login.SAFETY_ENGINEER, "api/baselines/git",
                    "{\"repository\": \"" + repo.dir() + "\", \"ref\": \"main\", \"directory\": \"requirements\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().getInt("requirements")).isEqualTo(4);
            return created.json().getJsonNumber("id").longValue();
        }
    }

    private long newRelease() {
        Reply release = api().post(Login.ML_ENGINEER, "api/models/front-camera-object-detector/releases",
                "{\"version\": \"4.2.0-node." + System.nanoTime() + "\"}");
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        return release.json().getJsonNumber("id").longValue();
    }

    private void link(long release, long baseline) {
        Reply linked = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/baseline",
                "{\"baselineId\": " + baseline + "}", Map.of());
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    }

    private long upload(long release, Path report) throws Exception {
        byte[] bytes = Files.readAllBytes(report);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Reply created = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/" + REPORT_NAME + "?sha256=" + sha256
                + "&ciSystem=github-actions", bytes);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("format")).as(created.toString()).isEqualTo("junit-xml");
        assertThat(created.json().getInt("testCount")).isEqualTo(NODE_TESTS.size());
        return created.json().getJsonNumber("id").longValue();
    }

    private void accept(long release, long evidence) {
        Reply review = api().post(Login.SAFETY_ENGINEER, "api/releases/" + release + "/evidence/" + evidence + "/reviews",
                "{\"decision\": \"ACCEPTED\", \"comment\": \"run log of the HIL rig checked\"}");
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
    }

    private JsonObject trace(long release) {
        Reply trace = api().get(Login.AUDITOR, "api/releases/" + release + "/trace");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        return trace.json();
    }

    private static JsonObject row(JsonObject trace, String requirement) {
        return trace.getJsonArray("requirements").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(requirement)).findFirst()
                .orElseThrow(() -> new AssertionError(requirement + " not in " + trace));
    }

    private static Map<String, String> verdictsAndReasons(JsonObject trace) {
        Map<String, String> rows = new TreeMap<>();
        trace.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).forEach(r ->
                rows.put(r.getString("id"), r.getString("verdict") + " | " + r.getString("reason", "")));
        return rows;
    }

    /** Every row's test notes without the evidence ids, which differ between releases. */
    private static Map<String, List<String>> notesWithoutIds(JsonObject trace) {
        Map<String, List<String>> notes = new TreeMap<>();
        trace.getJsonArray("requirements").stream().map(JsonValue::asJsonObject).forEach(r ->
                notes.put(r.getString("id"), r.getJsonObject("tests").getJsonArray("notes").stream()
                        .map(n -> {
                            JsonObject note = n.asJsonObject();
                            return note.getString("file") + " " + note.getString("test") + " " + note.getString("outcome")
                                    + " " + note.getString("message", "");
                        }).toList()));
        return notes;
    }
}
