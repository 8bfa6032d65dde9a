package io.tracegate.platform.persistence;

import io.tracegate.approval.interfaces.ApprovalScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threats T2 and T3: database connections are killed under the server while it writes. Every request either
 * happens whole (its rows, its audit event) or not at all and answers 503 so the client retries; the pool
 * recovers without a restart; the audit chain still verifies.
 */
public interface DatabaseLossScenarios extends ApprovalScenarios {

    @Test
    default void killedDatabaseConnectionsLeaveNothingHalfWrittenAndTheServerRecovers() throws Exception {
        long release = release(smallBaseline(), false);
        Map<String, Integer> uploads = new LinkedHashMap<>();
        try (BackendKiller killer = BackendKiller.start(200)) {
            for (int i = 0; i < 25; i++) {
                String name = "kpi-under-fire-" + i + ".csv";
                Reply r = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/" + name + "?sha256="
                        + ApprovalScenarios.sha256(csv(i)) + "&requirement=MLR-PED-NIGHT", csv(i));
                uploads.put(name, r.status());
                if (r.status() != 201) {
                    assertThat(r.status()).as(r.toString()).isEqualTo(503);
                    assertThat(r.header("Retry-After")).isNotNull();
                    assertThat(r.json().getString("type")).endsWith("database-unavailable");
                }
            }
            assertThat(killer.killed()).as("backends terminated while the server wrote").isPositive();
        }

        Reply listing = awaitRecovery("api/releases/" + release + "/evidence?limit=500");
        Set<String> stored = listing.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("fileName")).collect(Collectors.toSet());
        uploads.forEach((name, status) -> {
            if (status == 201) {
                assertThat(stored).as(name + " was acknowledged: it is stored").contains(name);
            }
        });
        long events = api().get(Login.AUDITOR, "api/audit/events?action=evidence.upload&limit=500").json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("after", "")).filter(a -> a.contains(" kpi-under-fire-")
                        && a.endsWith(" to release " + release)).count();
        assertThat(events).as("nothing half-written: one audit event for each stored upload").isEqualTo(stored.size());
        assertThat(api().get(Login.AUDITOR, "api/audit/verify").json().getBoolean("valid"))
                .as("the hash chain has no gap and no half-written event").isTrue();

        // A refused upload is retried as a client would; one whose commit went through but whose answer was
        // lost (a connection killed during COMMIT) is recognised as the same file.
        for (Map.Entry<String, Integer> refused : uploads.entrySet()) {
            if (refused.getValue() == 201) {
                continue;
            }
            int i = Integer.parseInt(refused.getKey().replaceAll("\\D", ""));
            Reply retry = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/" + refused.getKey()
                    + "?sha256=" + ApprovalScenarios.sha256(csv(i)) + "&requirement=MLR-PED-NIGHT", csv(i));
            assertThat(retry.status()).as("the retry of " + refused.getKey() + ": " + retry)
                    .isEqualTo(stored.contains(refused.getKey()) ? 200 : 201);
        }
        assertThat(awaitRecovery("api/releases/" + release + "/evidence?limit=500").json().getJsonArray("items"))
                .hasSize(uploads.size());
    }

    @Test
    default void aSignOffUnderKilledConnectionsLandsWholeOnceOrNotAtAll() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        java.util.Random random = new java.util.Random(26262);
        for (int attempt = 1; attempt <= 40; attempt++) {
            // The backends die once, somewhere between before the request and well after it: sometimes in the
            // middle of the signing transaction. A REJECT changes the release's state too, so the signature,
            // the state and the audit event must commit together or not at all.
            long asked = System.nanoTime();
            String challenge = challenge(Login.APPROVER, release, digest);
            assertThat(challenge).as("a challenge while the database is up").isNotNull();
            // A sign-off takes a few of the challenge's round trips (password hash, code, three writes): the kill
            // lands anywhere in a window that long, however slow the machine is today.
            long window = Math.max(400, 6 * Duration.ofNanos(System.nanoTime() - asked).toMillis());
            if (signedOnce(release, digest, challenge, attempt, BackendKiller.once(random.nextLong(window)))) {
                break;
            }
            if (attempt == 40) {
                // On a machine too slow for any kill to land after the commit, the last attempt runs without one:
                // every attempt above has shown that a cut-off sign-off leaves nothing behind.
                assertThat(signedOnce(release, digest, challenge(Login.APPROVER, release, digest), attempt, null))
                        .as("a sign-off with the database up lands").isTrue();
            }
        }
        JsonObject review = awaitRecovery("api/releases/" + release + "/review").json();
        assertThat(review.getString("status")).isEqualTo("REJECTED");
        assertThat(review.getJsonArray("signatures")).as("one signature, never two").hasSize(1);
        long events = api().get(Login.AUDITOR, "api/audit/events?action=release.signature&subjectType=release&subjectId="
                + release + "&limit=50").json().getJsonArray("items").size();
        assertThat(events).as("one signature event").isEqualTo(1);
        assertThat(api().get(Login.AUDITOR, "api/audit/verify").json().getBoolean("valid")).isTrue();
    }

    /** One REJECT attempt, the database killed meanwhile by {@code kill} if given; true if it was stored. */
    private boolean signedOnce(long release, String digest, String challenge, int attempt, Thread kill) throws Exception {
        Reply signed = api().post(Login.APPROVER, "api/releases/" + release + "/review/signatures", """
                {"meaning": "REJECT", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s",
                 "comment": "rejected under fire"}""".formatted(digest, challenge, PASSWORD, ApprovalScenarios.code(Login.APPROVER)));
        if (kill != null) {
            kill.join();
        }
        assertThat(signed.status()).as("attempt " + attempt + ": " + signed).isIn(201, 503);
        JsonObject now = awaitRecovery("api/releases/" + release + "/review").json();
        boolean stored = !now.getJsonArray("signatures").isEmpty();
        assertThat(now.getString("status")).as("the state changed exactly when the signature was stored")
                .isEqualTo(stored ? "REJECTED" : "IN_REVIEW");
        if (signed.status() == 201) {
            assertThat(stored).as("an acknowledged signature is stored").isTrue();
        }
        return stored;
    }

    private static byte[] csv(int i) {
        return ("metric,value,class,set\nrecall,0.9" + (100 + i) + ",pedestrian,night-hil\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The first successful answer after the killing stopped: the pool recovers by itself, no restart. */
    private Reply awaitRecovery(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Reply r = api().get(Login.AUDITOR, path);
            if (r.status() == 200 || System.nanoTime() > deadline) {
                assertThat(r.status()).as("recovered within 30 s: " + r).isEqualTo(200);
                return r;
            }
            Thread.sleep(200);
        }
    }
}
