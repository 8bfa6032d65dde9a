package io.tracegate.platform.security;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint refuses a missing login (401) and a wrong role (403), and changes nothing when it does. */
public interface AccessScenarios extends ApiScenarios {

    /** The endpoints that change state, with the roles they refuse. */
    List<Login> NOT_ML = List.of(Login.SAFETY_ENGINEER, Login.APPROVER, Login.SAFETY_MANAGER, Login.AUDITOR);

    @Test
    default void everyEndpointAsksForALogin() {
        for (String path : List.of("api/models", "api/models/front-camera-object-detector",
                "api/models/front-camera-object-detector/releases", "api/releases/1", "api/releases/1/recipe",
                "api/releases/1/artifacts", "api/releases/1/artifacts/by-id/1", "api/releases/1/artifacts/by-id/1/content")) {
            Reply reply = api().get(Login.NOBODY, path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).as(path).startsWith("Basic");
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api().post(Login.NOBODY, "api/models", "{\"name\": \"anon\"}").status()).isEqualTo(401);
    }

    @Test
    default void aWrongPasswordIsRefusedWithProblemJson() {
        Reply reply = api().get(Login.WRONG_PASSWORD, "api/models");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    default void onlyMlEngineersAndAdminsRegisterModelsAndReleases() {
        for (Login login : NOT_ML) {
            String name = Api.unique("refused");
            Reply reply = api().post(login, "api/models", "{\"name\": \"" + name + "\"}");
            assertThat(reply.status()).as(login.name()).isEqualTo(403);
            assertThat(api().get(Login.AUDITOR, "api/models/" + name).status()).as("nothing created").isEqualTo(404);
            assertThat(api().post(login, "api/models/front-camera-object-detector/releases", "{\"version\": \"9.9.9\"}")
                    .status()).as(login.name()).isEqualTo(403);
        }
        assertThat(api().post(Login.ADMIN, "api/models", "{\"name\": \"" + Api.unique("by-admin") + "\"}").status())
                .isEqualTo(201);
    }

    @Test
    default void onlyMlEngineersAndAdminsChangeRecipesAndUploadArtifacts() {
        Reply release = api().post(Login.ML_ENGINEER, "api/models/front-camera-object-detector/releases",
                "{\"version\": \"" + "0.0.1-access." + System.nanoTime() + "\"}");
        long id = release.json().getJsonNumber("id").longValue();
        for (Login login : NOT_ML) {
            assertThat(api().put(login, "api/releases/" + id + "/recipe", "{}", Map.of()).status())
                    .as(login.name()).isEqualTo(403);
            Reply upload = api().upload(login, "api/releases/" + id + "/artifacts/x.bin?kind=OTHER&sha256="
                    + "0".repeat(64), new byte[] {1});
            assertThat(upload.status()).as(login.name()).isEqualTo(403);
        }
        assertThat(api().get(Login.AUDITOR, "api/releases/" + id + "/artifacts").json().getJsonArray("items")).isEmpty();
    }

    @Test
    default void everyRoleMayRead() {
        for (Login login : List.of(Login.ADMIN, Login.ML_ENGINEER, Login.SAFETY_ENGINEER, Login.APPROVER,
                Login.SAFETY_MANAGER, Login.AUDITOR)) {
            assertThat(api().get(login, "api/models").status()).as(login.name()).isEqualTo(200);
        }
    }

    @Test
    default void repeatedWrongPasswordsAreSlowedDownForThatNameFromThatAddress() throws InterruptedException {
        String guessed = Api.unique("guessed");
        Map<String, String> guess = Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((guessed + ":guess").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (int i = 0; i < 5; i++) {
            assertThat(api().send("GET", "api/models", null, guess).status()).as("free failure " + (i + 1)).isEqualTo(401);
        }
        assertThat(api().send("GET", "api/models", null, guess).status()).as("the sixth still counts").isEqualTo(401);
        Reply slowed = api().send("GET", "api/models", null, guess);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.header("Retry-After")).isEqualTo("1");
        assertThat(slowed.json().getString("type")).endsWith("too-many-attempts");
        Reply session = api().send("POST", "api/session", "{\"username\": \"" + guessed + "\", \"password\": \"guess\"}",
                Map.of());
        assertThat(session.status()).as("the browser login shares the count").isEqualTo(429);
        assertThat(session.json().getString("field")).isEqualTo("password");
        assertThat(api().get(Login.AUDITOR, "api/models").status()).as("everyone else logs in as usual").isEqualTo(200);
        Thread.sleep(1100);
        assertThat(api().send("GET", "api/models", null, guess).status()).as("after the wait, a guess is checked again")
                .isEqualTo(401);
    }
}
