package io.tracegate.platform.web;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get RFC 9457 problem+json naming the offending field, never an HTML page or a 500. */
public interface ProblemJsonScenarios extends ApiScenarios {

    @Test
    default void invalidJsonIsA400NamingTheBodyAndThePosition() {
        Reply reply = api().post(Login.ML_ENGINEER, "api/models", "{\"name\": ");
        assertProblem(reply, 400, "body");
        assertThat(reply.json().getString("detail")).contains("line 1");
    }

    @Test
    default void unknownAndMissingFieldsAreNamed() {
        assertProblem(api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"a-b\", \"colour\": \"red\"}"), 400, "colour");
        assertProblem(api().post(Login.ML_ENGINEER, "api/models", "{\"description\": \"no name\"}"), 400, "name");
        assertProblem(api().post(Login.ML_ENGINEER, "api/models", "{\"name\": 42}"), 400, "name");
        assertProblem(api().post(Login.ML_ENGINEER, "api/models", "[1, 2]"), 400, "body");
        assertProblem(api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"Not A Slug!\"}"), 400, "name");
    }

    @Test
    default void aDeeplyNestedBodyIsRefusedWithoutHurtingTheServer() {
        String deep = "{\"name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertProblem(api().post(Login.ML_ENGINEER, "api/models", deep), 400, "body");
        assertThat(api().get(Login.AUDITOR, "api/models").status()).isEqualTo(200);
    }

    @Test
    default void badPagingParametersAreNamed() {
        assertProblem(api().get(Login.AUDITOR, "api/models?limit=0"), 400, "limit");
        assertProblem(api().get(Login.AUDITOR, "api/models?offset=-1"), 400, "offset");
        assertProblem(api().get(Login.AUDITOR, "api/models?limit=abc"), 400, "limit");
        assertProblem(api().get(Login.AUDITOR, "api/models?limit=99999999999999999999"), 400, "limit");
        assertProblem(api().get(Login.AUDITOR, "api/releases/1/artifacts?offset=1.5"), 400, "offset");
        assertThat(api().get(Login.NOBODY, "api/models?limit=abc").status()).as("the login comes first").isEqualTo(401);
    }

    @Test
    default void unknownPathsAndMethodsAnswerInProblemJson() {
        Reply missing = api().get(Login.AUDITOR, "api/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Reply method = api().send(Login.AUDITOR, "DELETE", "api/models",
                java.net.http.HttpRequest.BodyPublishers.noBody(), java.util.Map.of());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    default void pathTricksNeverRevealWebInf() throws Exception {
        for (String path : new String[] {"/WEB-INF/web.xml", "/../WEB-INF/web.xml", "/%2e%2e/WEB-INF/web.xml",
                "/api/..%2fWEB-INF/web.xml", "/WEB-INF/classes/META-INF/microprofile-config.properties",
                "/api/%2e%2e/WEB-INF/classes/META-INF/persistence.xml"}) {
            String response = rawGet(path);
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200");
            assertThat(response).as(path).doesNotContain("tracegate.db", "persistence-unit");
        }
    }

    private String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("localhost", api().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("type")).startsWith("https://");
        assertThat(problem.getString("field")).isEqualTo(field);
    }
}
