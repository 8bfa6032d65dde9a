package io.tracegate.evidence.interfaces;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence through the API, on releases linked to the demo baseline (the example requirements): upload
 * with provenance, parsing, linking, refusals that store nothing, reviews, and the verdicts they lead to.
 */
public interface EvidenceScenarios extends ApiScenarios {

    String NIGHT_KPI = """
            # night-hil KPI export, fcod eval 2.3
            metric,value,unit,class,set,iou
            recall,0.951,,pedestrian,night-hil,0.5
            recall,0.912,,cyclist,night-hil,0.5
            """;

    String SIGN_KPI = """
            metric,value,unit,class,set,iou
            recall,0.935,,traffic-sign,validation-v12,0.5
            recall,0.921,,traffic-light,validation-v12,0.5
            precision,0.934,,traffic-light,validation-v12,0.5
            """;

    String FAULT_JUNIT = """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites><testsuite name="pytest" tests="3" failures="1" errors="0" skipped="0">
              <testcase classname="hil.test_faults" name="test_dead_pixels_recall" time="41.2">
                <properties><property name="requirement" value="MLR-ROB-SENSOR-FAULT"/></properties>
              </testcase>
              <testcase classname="hil.test_faults" name="test_frame_drop_detected" time="12.0">
                <properties><property name="requirement" value="MLR-ROB-SENSOR-FAULT"/></properties>
                <failure message="frame drop not reported within 2 frames">AssertionError</failure>
              </testcase>
              <testcase classname="hil.test_monitor" name="test_mlr_mon_freeze_detects_frozen_frame" time="3.1"/>
            </testsuite></testsuites>
            """;

    /** A fresh release of the demo model linked to the demo baseline. */
    default long releaseOnDemoBaseline() {
        Reply baselines = api().get(Login.AUDITOR, "api/baselines?limit=500");
        long baseline = baselines.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getJsonObject("source").getString("kind").equals("FILES"))
                .mapToLong(b -> b.getJsonNumber("id").longValue()).min().orElseThrow();
        long reference = api().get(Login.AUDITOR, "api/models/front-camera-object-detector/releases?limit=500").json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("version").equals("4.2.0"))
                .mapToLong(r -> r.getJsonNumber("id").longValue()).findFirst().orElseThrow();
        Reply release = api().post(Login.ML_ENGINEER, "api/models/front-camera-object-detector/releases",
                "{\"version\": \"4.2.0-it." + System.nanoTime() + "\", \"referenceReleaseId\": " + reference + "}");
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        long id = release.json().getJsonNumber("id").longValue();
        Reply linked = api().put(Login.ML_ENGINEER, "api/releases/" + id + "/baseline", "{\"baselineId\": " + baseline + "}", Map.of());
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        return id;
    }

    default Reply uploadEvidence(Login login, long release, String fileName, String content, String query) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return api().upload(login, "api/releases/" + release + "/evidence/files/" + fileName + "?sha256=" + sha256(bytes)
                + (query.isEmpty() ? "" : "&" + query), bytes);
    }

    default JsonObject rowOf(long release, String requirement) {
        Reply trace = api().get(Login.AUDITOR, "api/releases/" + release + "/trace");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        return trace.json().getJsonArray("requirements").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(requirement)).findFirst().orElseThrow();
    }

    default Reply review(Login login, long release, long evidence, String decision) {
        return api().post(login, "api/releases/" + release + "/evidence/" + evidence + "/reviews",
                "{\"decision\": \"" + decision + "\", \"comment\": \"checked the run log and the data set version\"}");
    }

    default long demoRelease(String version) {
        return api().get(Login.AUDITOR, "api/models/front-camera-object-detector/releases?limit=500").json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("version").equals(version))
                .mapToLong(r -> r.getJsonNumber("id").longValue()).findFirst().orElseThrow();
    }

    @Test
    default void aKpiTableWithProvenanceIsParsedLinkedAndNeedsReviewForAsilB() {
        long release = releaseOnDemoBaseline();
        Reply created = uploadEvidence(Login.CI, release, "kpi-night-hil.csv", NIGHT_KPI,
                "format=kpi-csv&requirement=MLR-PERF-VRU-NIGHT&scope=target=orin&ciSystem=gitlab-ci&pipelineId=48211"
                        + "&runUrl=https://ci.example.com/fcod/-/pipelines/48211&sourceCommit=9f1c2e4d5b6a79801122334455667788990aabbc"
                        + "&rig=hil-rig-07&tool=tensorrt:10.3.0&tool=cuda:12.6&startedAt=2026-11-20T01:12:00Z&finishedAt=2026-11-20T03:40:00Z");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject evidence = created.json();
        assertThat(evidence.getString("format")).isEqualTo("kpi-csv");
        assertThat(evidence.getInt("metricCount")).isEqualTo(2);
        assertThat(evidence.getJsonObject("provenance").getString("pipelineId")).isEqualTo("48211");
        assertThat(evidence.getJsonObject("provenance").getJsonObject("tools").getString("tensorrt")).isEqualTo("10.3.0");
        assertThat(evidence.getString("review")).isEqualTo("UNREVIEWED");
        long id = evidence.getJsonNumber("id").longValue();

        List<JsonObject> metrics = api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + id + "/metrics")
                .json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertThat(metrics).extracting(m -> m.getString("text"))
                .contains("recall[class=pedestrian, iou=0.5, set=night-hil, target=orin] = 0.951");

        JsonObject before = rowOf(release, "MLR-PERF-VRU-NIGHT");
        assertThat(before.getString("verdict")).as("ASIL B needs accepted evidence").isEqualTo("NOT_COVERED");
        assertThat(before.getString("reason")).contains("unreviewed");

        assertThat(review(Login.SAFETY_ENGINEER, release, id, "ACCEPTED").status()).isEqualTo(201);
        JsonObject after = rowOf(release, "MLR-PERF-VRU-NIGHT");
        assertThat(after.getString("verdict")).isEqualTo("PASSED");
        assertThat(after.getJsonArray("evidence").getJsonNumber(0).longValue()).isEqualTo(id);
        assertThat(after.getJsonArray("criteria").getJsonObject(1).getJsonArray("measurements").getJsonObject(0)
                .getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.912");
    }

    @Test
    default void unreviewedEvidenceCanPassAQmRequirementAndRejectedEvidenceNoLonger() {
        long release = releaseOnDemoBaseline();
        Reply created = uploadEvidence(Login.CI, release, "kpi-signs.csv", SIGN_KPI, "requirement=MLR-PERF-SIGN-LIGHT");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("format")).as("detected from the name").isEqualTo("kpi-csv");
        assertThat(rowOf(release, "MLR-PERF-SIGN-LIGHT").getString("verdict")).isEqualTo("PASSED");

        long id = created.json().getJsonNumber("id").longValue();
        assertThat(review(Login.SAFETY_MANAGER, release, id, "REJECTED").status()).isEqualTo(201);
        assertThat(rowOf(release, "MLR-PERF-SIGN-LIGHT").getString("verdict")).isEqualTo("NOT_COVERED");
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + id + "/reviews")
                .json().getJsonArray("items")).hasSize(1);
    }

    @Test
    default void aFailingLinkedTestFailsItsRequirementAndTheParentsAbove() {
        long release = releaseOnDemoBaseline();
        Reply created = uploadEvidence(Login.CI, release, "junit-faults.xml", FAULT_JUNIT,
                "format=junit-xml&scope=set=sensor-fault-injection");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getInt("testCount")).isEqualTo(3);

        JsonObject tests = api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + id + "/tests").json();
        assertThat(tests.getJsonArray("items").getJsonObject(2).getJsonArray("requirements").getString(0))
                .as("linked by the id in its name").isEqualTo("MLR-MON-FREEZE");

        JsonObject fault = rowOf(release, "MLR-ROB-SENSOR-FAULT");
        assertThat(fault.getString("verdict")).isEqualTo("FAILED");
        assertThat(fault.getJsonObject("tests").getJsonArray("failing").getString(0)).contains("test_frame_drop_detected");
        String parent = fault.getJsonArray("parents").getString(0);
        assertThat(rowOf(release, parent).getString("verdict")).isEqualTo("FAILED");
        JsonObject gate = api().get(Login.APPROVER, "api/releases/" + release + "/gate").json();
        assertThat(gate.getBoolean("green")).isFalse();
        assertThat(gate.getJsonObject("counts").getInt("FAILED")).isGreaterThanOrEqualTo(2);
    }

    @Test
    default void anOpaqueLogIsStoredByItsHashAndServedBackAsIs() throws Exception {
        long release = releaseOnDemoBaseline();
        String log = "2026-11-20T01:12:00Z hil-rig-07 start run 48211\n2026-11-20T03:40:00Z done\n";
        Reply created = uploadEvidence(Login.CI, release, "hil-rig-07.log", log, "ciSystem=jenkins");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("format")).isEqualTo("opaque");
        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        api().base().resolve(created.json().getString("content").substring(1)))
                .header("Authorization", Login.AUDITOR.authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.body()).isEqualTo(log);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");

        Reply retry = uploadEvidence(Login.CI, release, "hil-rig-07.log", log, "ciSystem=jenkins");
        assertThat(retry.status()).as("the same file again is a retry").isEqualTo(200);
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence").json().getInt("total")).isEqualTo(1);
    }

    /** CI pipelines written before the upload moved to {@code …/evidence/files/{fileName}} keep working, told so. */
    @Test
    default void theFormerUploadPathStillStoresTheFileAndSaysItIsDeprecated() {
        long release = releaseOnDemoBaseline();
        byte[] log = "rig heartbeat before the move\n".getBytes(StandardCharsets.UTF_8);
        Reply former = api().upload(Login.CI, "api/releases/" + release + "/evidence/rig.log?sha256=" + sha256(log), log);
        assertThat(former.status()).as(former.toString()).isEqualTo(201);
        assertThat(former.header("Deprecation")).isEqualTo("@1796515200");
        assertThat(former.header("Link")).contains("/api/releases/" + release + "/evidence/files/rig.log",
                "successor-version");
        Reply again = uploadEvidence(Login.CI, release, "rig.log", "rig heartbeat before the move\n", "");
        assertThat(again.status()).as("the same file at the new path is a retry: " + again).isEqualTo(200);
        assertThat(again.header("Deprecation")).isNull();
        assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(former.json().getJsonNumber("id").longValue());
        assertThat(api().upload(Login.AUDITOR, "api/releases/" + release + "/evidence/other.log?sha256=" + sha256(log),
                log).status()).as("the former path keeps its roles").isEqualTo(403);
    }

    @Test
    default void theSameBytesUploadedUnderManyNamesAtOnceAreAllRecorded() throws Exception {
        long release = releaseOnDemoBaseline();
        String log = "rig heartbeat " + java.util.UUID.randomUUID() + "\n";
        int uploads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                String name = "heartbeat-" + i + ".log";
                replies.add(pool.submit(() -> {
                    start.await();
                    // More at once than one account may stream: the rest are told to retry, and do, as CI would.
                    Reply reply = uploadEvidence(Login.CI, release, name, log, "ciSystem=jenkins");
                    for (int retry = 0; reply.status() == 503 && reply.header("Retry-After") != null && retry < 10; retry++) {
                        Thread.sleep(Long.parseLong(reply.header("Retry-After")) * 1000);
                        reply = uploadEvidence(Login.CI, release, name, log, "ciSystem=jenkins");
                    }
                    return reply;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Reply> reply : replies) {
                Reply r = reply.get(2, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence").json().getInt("total"))
                .isEqualTo(uploads);
    }

    @Test
    default void badUploadsAreRefusedNamingTheFieldAndStoreNothing() {
        long release = releaseOnDemoBaseline();
        Map<String, String> refusals = Map.of(
                "runUrl=javascript:alert(1)", "runUrl",
                "sourceCommit=not-a-commit", "sourceCommit",
                "scope=Set=night", "scope",
                "requirement=MLR-DOES-NOT-EXIST", "requirement",
                "format=excel", "format",
                "startedAt=yesterday", "startedAt",
                "tool=tensorrt", "tool");
        refusals.forEach((query, field) -> {
            Reply refused = uploadEvidence(Login.CI, release, "kpi.csv", NIGHT_KPI, query);
            assertThat(refused.status()).as(query + " " + refused).isEqualTo(400);
            assertThat(refused.json().getString("field")).as(query).isEqualTo(field);
        });
        Reply claimsJunit = uploadEvidence(Login.CI, release, "results.xml", "{\"metrics\": []}", "format=junit-xml");
        assertThat(claimsJunit.status()).as(claimsJunit.toString()).isEqualTo(400);
        assertThat(claimsJunit.json().getString("detail")).contains("results.xml");

        Reply doctype = uploadEvidence(Login.CI, release, "junit.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><testsuite name=\"&e;\"/>", "format=junit-xml");
        assertThat(doctype.status()).isEqualTo(400);
        assertThat(doctype.json().getString("detail")).contains("DOCTYPE");

        Reply wrongType = api().send(Login.CI, "PUT", "api/releases/" + release + "/evidence/files/junit.xml?format=junit-xml&sha256="
                        + sha256(FAULT_JUNIT.getBytes(StandardCharsets.UTF_8)),
                java.net.http.HttpRequest.BodyPublishers.ofString(FAULT_JUNIT), Map.of("Content-Type", "application/json"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().getString("field")).isEqualTo("Content-Type");

        Reply empty = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/empty.log?sha256=" + sha256(new byte[0]), new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().getString("detail")).contains("empty");

        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence").json().getInt("total")).isZero();
    }

    @Test
    default void onlyMlEngineersUploadAndOnlySafetyEngineersReview() {
        long release = releaseOnDemoBaseline();
        for (Login login : List.of(Login.SAFETY_ENGINEER, Login.APPROVER, Login.SAFETY_MANAGER, Login.AUDITOR)) {
            assertThat(uploadEvidence(login, release, "kpi.csv", NIGHT_KPI, "").status()).as(login.name()).isEqualTo(403);
        }
        assertThat(uploadEvidence(Login.NOBODY, release, "kpi.csv", NIGHT_KPI, "").status()).isEqualTo(401);
        Reply created = uploadEvidence(Login.CI, release, "kpi.csv", NIGHT_KPI, "requirement=MLR-PERF-VRU-NIGHT");
        long id = created.json().getJsonNumber("id").longValue();
        for (Login login : List.of(Login.ML_ENGINEER, Login.CI, Login.APPROVER, Login.AUDITOR, Login.ADMIN)) {
            assertThat(review(login, release, id, "ACCEPTED").status()).as(login.name()).isEqualTo(403);
        }
        assertThat(api().get(Login.NOBODY, "api/releases/" + release + "/trace").status()).isEqualTo(401);
        assertThat(api().get(Login.NOBODY, "api/releases/" + release + "/evidence/" + id + "/content").status()).isEqualTo(401);
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + id).json().getString("review"))
                .isEqualTo("UNREVIEWED");
    }

    @Test
    default void aReviewOverAStaleVersionIsRefused() {
        long release = releaseOnDemoBaseline();
        long id = uploadEvidence(Login.CI, release, "kpi.csv", NIGHT_KPI, "").json().getJsonNumber("id").longValue();
        String seen = api().get(Login.SAFETY_ENGINEER, "api/releases/" + release + "/evidence/" + id).header("ETag");
        Reply first = api().send(Login.SAFETY_ENGINEER, "POST", "api/releases/" + release + "/evidence/" + id + "/reviews",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"decision\": \"ACCEPTED\", \"comment\": \"ok\"}"),
                Map.of("Content-Type", "application/json", "If-Match", seen));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Reply stale = api().send(Login.SAFETY_MANAGER, "POST", "api/releases/" + release + "/evidence/" + id + "/reviews",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"decision\": \"REJECTED\", \"comment\": \"no\"}"),
                Map.of("Content-Type", "application/json", "If-Match", seen));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + id).json().getString("review"))
                .isEqualTo("ACCEPTED");
    }

    @Test
    default void aReleaseWithoutBaselineHasNoTraceYetAndIdsItsUploadsNameCountOnceItHasOne() {
        Reply release = api().post(Login.ML_ENGINEER, "api/models/front-camera-object-detector/releases",
                "{\"version\": \"4.2.0-nobase." + System.nanoTime() + "\"}");
        long id = release.json().getJsonNumber("id").longValue();
        Reply trace = api().get(Login.AUDITOR, "api/releases/" + id + "/trace");
        assertThat(trace.status()).isEqualTo(409);
        assertThat(trace.json().getString("field")).isEqualTo("baseline");
        Reply named = uploadEvidence(Login.CI, id, "kpi.csv", NIGHT_KPI, "requirement=MLR-PERF-VRU-NIGHT");
        assertThat(named.status()).as("ids are kept as written until a baseline is linked").isEqualTo(201);
        Reply typo = uploadEvidence(Login.CI, id, "kpi-typo.csv", NIGHT_KPI + "\n", "requirement=MLR-PERF-VRU-NIGTH");
        assertThat(typo.status()).isEqualTo(201);

        long baseline = api().get(Login.AUDITOR, "api/baselines?limit=500").json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(b -> b.getJsonObject("source").getString("kind").equals("FILES"))
                .mapToLong(b -> b.getJsonNumber("id").longValue()).min().orElseThrow();
        assertThat(api().put(Login.ML_ENGINEER, "api/releases/" + id + "/baseline", "{\"baselineId\": " + baseline + "}",
                Map.of()).status()).isEqualTo(200);

        JsonObject linked = rowOf(id, "MLR-PERF-VRU-NIGHT");
        assertThat(linked.getJsonArray("evidence")).as("the file uploaded before the link counts").hasSize(1);
        JsonObject after = api().get(Login.AUDITOR, "api/releases/" + id + "/trace").json();
        assertThat(after.getJsonArray("warnings").getString(0)).contains("MLR-PERF-VRU-NIGTH").contains("kpi-typo.csv");
        assertThat(uploadEvidence(Login.CI, id, "kpi-typo2.csv", NIGHT_KPI + "\n\n", "requirement=MLR-PERF-VRU-NIGTH")
                .status()).as("with a baseline, a typo is refused at once").isEqualTo(400);
    }

    /** The hex SHA-256 an upload declares. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
