package io.tracegate.trail.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.it.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail through the API and behind its back: changes are recorded with actor and UTC time, the
 * chain verifies online and offline, concurrent appends do not fork it, PostgreSQL refuses to change
 * recorded events, and an edit made with the triggers disabled is named by verification. Scenarios that
 * break the chain repair it before they end, since all scenarios share one database.
 */
public interface AuditScenarios extends ApiScenarios {

    List<Login> AUDIT_ROLES = List.of(Login.AUDITOR, Login.SAFETY_MANAGER, Login.ADMIN);
    List<Login> OTHER_ROLES = List.of(Login.ML_ENGINEER, Login.CI, Login.SAFETY_ENGINEER, Login.APPROVER);
    String HEX64 = "[0-9a-f]{64}";
    String UTC_MICROS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @Test
    default void creatingAModelIsRecordedWithActorAndUtcTime() {
        Instant before = Instant.now().minusSeconds(120);
        String name = createModel(Login.ML_ENGINEER);

        JsonObject page = api().get(Login.AUDITOR, "api/audit/events?subjectType=model&subjectId=" + name).json();
        assertThat(page.getInt("total")).isEqualTo(1);
        JsonObject event = page.getJsonArray("items").getJsonObject(0);
        assertThat(event.getString("actor")).isEqualTo("mira");
        assertThat(event.getString("action")).isEqualTo("model.create");
        assertThat(event.getString("subjectType")).isEqualTo("model");
        assertThat(event.getString("subjectId")).isEqualTo(name);
        assertThat(event.isNull("before")).isTrue();
        assertThat(event.getString("after")).contains("\"name\":\"" + name + "\"");
        assertThat(event.getString("occurredAt")).matches(UTC_MICROS);
        assertThat(Instant.parse(event.getString("occurredAt"))).isBetween(before, Instant.now().plusSeconds(120));
        assertThat(event.getString("hash")).matches(HEX64);
        assertThat(event.getString("previousHash")).matches(HEX64);
        assertThat(event.getJsonNumber("seq").longValue()).isPositive();
    }

    @Test
    default void releasesAndRecipeChangesAreRecordedWithOldAndNewValue() {
        String model = createModel(Login.ML_ENGINEER);
        Reply release = api().post(Login.CI, "api/models/" + model + "/releases", "{\"version\": \"1.0.0-fp16\"}");
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        long id = release.json().getJsonNumber("id").longValue();
        for (String version : List.of("10.3.0", "10.4.0")) {
            Reply recipe = api().put(Login.ML_ENGINEER, "api/releases/" + id + "/recipe",
                    "{\"precision\": \"FP16\", \"quantization\": {\"method\": \"NONE\"}, \"tensorRt\": {\"version\": \""
                            + version + "\", \"builderFlags\": [\"--fp16\"]}, \"target\": {\"hardware\": \"Orin\"}}",
                    Map.of());
            assertThat(recipe.status()).as(recipe.toString()).isEqualTo(200);
        }

        List<JsonObject> events = api().get(Login.SAFETY_MANAGER, "api/audit/events?subjectType=release&subjectId=" + id)
                .json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getString("action"))
                .containsExactly("release.create", "release.recipe", "release.recipe");
        assertThat(events.get(0).getString("actor")).isEqualTo("ci-nightly");
        assertThat(events.get(1).isNull("before")).isTrue();
        assertThat(events.get(1).getString("after")).contains("10.3.0");
        assertThat(events.get(2).getString("before")).isEqualTo(events.get(1).getString("after"));
        assertThat(events.get(2).getString("after")).contains("10.4.0");
    }

    @Test
    default void refusedLoginsAreRecordedUnderTheNameTried() {
        String name = Api.unique("intruder");
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":guess").getBytes(StandardCharsets.UTF_8));
        Reply refused = api().send(Login.NOBODY, "GET", "api/models", BodyPublishers.noBody(),
                Map.of("Authorization", basic));
        assertThat(refused.status()).isEqualTo(401);

        JsonObject page = api().get(Login.AUDITOR, "api/audit/events?action=login.failed&subjectId=" + name).json();
        assertThat(page.getInt("total")).isEqualTo(1);
        JsonObject event = page.getJsonArray("items").getJsonObject(0);
        assertThat(event.getString("actor")).isEqualTo(name);
        assertThat(event.getString("reason")).contains("wrong password");
    }

    @Test
    default void theChainVerifies() {
        createModel(Login.ADMIN);
        JsonObject outcome = verify();
        assertThat(outcome.getBoolean("valid")).as(outcome.toString()).isTrue();
        assertThat(outcome.getJsonNumber("events").longValue()).isPositive();
        assertThat(outcome.getString("head")).matches(HEX64);
        assertThat(outcome.get("firstBroken")).isEqualTo(JsonValue.NULL);
    }

    @Test
    default void onlyAuditorsSafetyManagersAndAdminsReadTheTrail() {
        for (String path : List.of("api/audit/events", "api/audit/verify", "api/audit/export")) {
            Reply anonymous = api().get(Login.NOBODY, path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as(path).startsWith("Basic");
            for (Login login : OTHER_ROLES) {
                assertThat(api().get(login, path).status()).as(login + " " + path).isEqualTo(403);
            }
            for (Login login : AUDIT_ROLES) {
                assertThat(api().get(login, path).status()).as(login + " " + path).isEqualTo(200);
            }
        }
    }

    @Test
    default void concurrentAppendsLeaveOneGaplessChain() throws Exception {
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> created = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Login login = i % 2 == 0 ? Login.ML_ENGINEER : Login.CI;
                created.add(pool.submit(() -> {
                    start.await();
                    return createModel(login);
                }));
            }
            start.countDown();
            List<String> names = new ArrayList<>();
            for (Future<String> name : created) {
                names.add(name.get());
            }

            JsonObject outcome = verify();
            assertThat(outcome.getBoolean("valid")).as(outcome.toString()).isTrue();

            List<JsonObject> all = allEvents();
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).getJsonNumber("seq").longValue()).as("gapless").isEqualTo(i + 1);
                if (i > 0) {
                    assertThat(all.get(i).getString("previousHash")).isEqualTo(all.get(i - 1).getString("hash"));
                }
            }
            assertThat(all.stream().filter(e -> e.getString("action").equals("model.create"))
                    .map(e -> e.getString("subjectId"))).containsAll(names);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void theExportVerifiesOfflineAndATamperedCopyDoesNot() throws Exception {
        String name = createModel(Login.ML_ENGINEER);
        Reply export = api().get(Login.AUDITOR, "api/audit/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/jsonl");
        assertThat(export.header("Content-Disposition")).startsWith("attachment;").contains(".jsonl");
        List<String> lines = new ArrayList<>(List.of(export.body().split("\n")));
        assertThat(lines.get(0)).contains("tracegate-audit-v1");
        assertThat(lines.get(lines.size() - 1)).contains("headHash");

        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "audit-export");
        Path intact = Files.writeString(dir.resolve("intact.jsonl"), export.body(), StandardCharsets.UTF_8);
        OfflineVerifier.Run ok = OfflineVerifier.run(intact);
        assertThat(ok.exit()).as(ok.output()).isZero();
        String head = jsonOf(lines.get(lines.size() - 1)).getString("headHash");
        assertThat(ok.output()).contains("OK ").contains("head " + head);
        assertThat(jsonOf(lines.get(lines.size() - 2)).getString("action")).as("the export records itself")
                .isEqualTo("audit.export");

        int line = indexOf(lines, "\"subjectId\":\"" + name + "\"");
        long seq = jsonOf(lines.get(line)).getJsonNumber("seq").longValue();
        lines.set(line, lines.get(line).replace("\"actor\":\"mira\"", "\"actor\":\"kim\""));
        Path tampered = Files.write(dir.resolve("tampered.jsonl"), lines, StandardCharsets.UTF_8);
        OfflineVerifier.Run broken = OfflineVerifier.run(tampered);
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("line " + (line + 1) + " (seq " + seq + ")").contains("CONTENT_CHANGED");
    }

    @Test
    default void postgresqlRefusesToChangeRecordedEventsAndVerificationNamesAnEditBehindItsBack() throws Exception {
        String name = createModel(Login.ML_ENGINEER);
        JsonObject event = api().get(Login.AUDITOR, "api/audit/events?subjectType=model&subjectId=" + name).json()
                .getJsonArray("items").getJsonObject(0);
        long seq = event.getJsonNumber("seq").longValue();
        String original = event.getString("after");

        // as the application's database user: refused by the trigger
        try (Connection db = database().getConnection(); Statement sql = db.createStatement()) {
            for (String change : List.of("UPDATE audit_event SET after_value = 'edited' WHERE seq = " + seq,
                    "DELETE FROM audit_event WHERE seq = " + seq, "TRUNCATE audit_event",
                    "UPDATE audit_head SET last_seq = last_seq - 1", "DELETE FROM audit_head")) {
                assertThatThrownBy(() -> sql.executeUpdate(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("tracegate:");
            }
        }
        assertThat(verify().getBoolean("valid")).isTrue();

        // as superuser, with the trigger disabled for the length of one transaction
        try {
            editBehindTheApplicationsBack(seq, "{\"name\":\"" + name + "\",\"description\":\"harmless\"}");
            JsonObject outcome = verify();
            assertThat(outcome.getBoolean("valid")).as(outcome.toString()).isFalse();
            JsonObject broken = outcome.getJsonObject("firstBroken");
            assertThat(broken.getJsonNumber("seq").longValue()).isEqualTo(seq);
            assertThat(broken.getString("problem")).isEqualTo("CONTENT_CHANGED");
            assertThat(broken.getString("detail")).contains("event " + seq);
        } finally {
            editBehindTheApplicationsBack(seq, original);
        }
        JsonObject repaired = verify();
        assertThat(repaired.getBoolean("valid")).as(repaired.toString()).isTrue();
    }

    private String createModel(Login login) {
        String name = Api.unique("audited");
        Reply created = api().post(login, "api/models", "{\"name\": \"" + name + "\", \"description\": \"audit\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private JsonObject verify() {
        Reply reply = api().get(Login.AUDITOR, "api/audit/verify");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private List<JsonObject> allEvents() {
        List<JsonObject> all = new ArrayList<>();
        while (true) {
            JsonObject page = api().get(Login.AUDITOR, "api/audit/events?limit=500&offset=" + all.size()).json();
            List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            all.addAll(items);
            if (items.isEmpty() || all.size() >= page.getInt("total")) {
                return all;
            }
        }
    }

    private static void editBehindTheApplicationsBack(long seq, String after) throws SQLException {
        try (Connection db = database().getConnection()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL lock_timeout = '" + Duration.ofSeconds(30).toSeconds() + "s'");
                sql.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
                try (var update = db.prepareStatement("UPDATE audit_event SET after_value = ? WHERE seq = ?")) {
                    update.setString(1, after);
                    update.setLong(2, seq);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                sql.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static javax.sql.DataSource database() {
        return TestDatabase.dataSource(System.getProperty("tracegate.it.db", "tracegate_it"));
    }

    private static JsonObject jsonOf(String line) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
            return reader.readObject();
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
