package io.tracegate.platform.web;

import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.it.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server under hostile load, as its own process with a 512 MiB heap: 200 concurrent uploads, and 200
 * connections without a login that send half a body and stall. Each upload either lands intact or is told to
 * retry, the server never runs out of memory, and a logged-in user is answered promptly throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLoadIT {

    private static final int CONNECTIONS = 200;
    /** "A few seconds": measured 1–5 s on two cores shared with other builds, against 41–84 s before the bounds. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    private Path data;
    private Path log;
    private ServerProcess server;
    private Api api;
    private Map<String, String> auditorSession;
    private String miraToken;
    private String ciToken;

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile-load");
        log = Path.of(System.getProperty("tracegate.it.logs", "target")).resolve("hostile-load-server.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        server = ServerProcess.start(Path.of(System.getProperty("tracegate.it.payara")),
                Path.of(System.getProperty("tracegate.it.war", "target/tracegate.war")), data, "512m", log, Map.of());
        api = new Api(server.base());
        // Logged in as people and CI really are: a browser session and API tokens. Basic logins would spend most of
        // the two cores on 200 password hashes (PBKDF2) and measure that instead of the server's load handling.
        Reply login = api.send("POST", "api/session", "{\"username\": \"ada\", \"password\": \"" + Login.DEMO_PASSWORD
                + "\"}", Map.of());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        auditorSession = Map.of("Cookie", login.header("Set-Cookie").split(";", 2)[0]);
        miraToken = token("mira");
        ciToken = token("ci-nightly");
    }

    private String token(String account) {
        Reply issued = api.post(Login.ADMIN, "api/tokens", "{\"account\": \"" + account + "\", \"name\": \"load\", "
                + "\"scope\": \"upload\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().getString("token");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoHundredConcurrentUploadsEachLandIntactOrAreToldToRetry() throws Exception {
        long release = openRelease();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS + 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(senders)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            List<byte[]> bodies = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                byte[] body = new byte[1 << 20];
                new Random(i).nextBytes(body);
                bodies.add(body);
                String token = i % 2 == 0 ? miraToken : ciToken;
                HttpRequest upload = HttpRequest.newBuilder(server.base().resolve("api/releases/" + release
                                + "/artifacts/load-" + i + ".onnx?kind=ONNX_MODEL&sha256=" + sha256(body)))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                        .timeout(Duration.ofMinutes(2))
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> pausing(body))).build();
                answers.add(http.sendAsync(upload, HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(700); // the uploads are in their pause: every one the server took holds its buffers now
            assertPromptAnswer("during the uploads");

            int landed = 0;
            int toldToRetry = 0;
            for (int i = 0; i < CONNECTIONS; i++) {
                HttpResponse<String> answer = answers.get(i).join();
                if (answer.statusCode() == 201) {
                    landed++;
                    long id = jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject()
                            .getJsonNumber("id").longValue();
                    byte[] stored = api.download(Login.AUDITOR, "api/releases/" + release + "/artifacts/by-id/" + id + "/content");
                    assertThat(sha256(stored))
                            .as("upload %d's stored bytes", i).isEqualTo(sha256(bodies.get(i)));
                } else {
                    assertThat(answer.statusCode()).as("upload %d: %s", i, answer.body()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).as("upload %d says when to retry", i).isPresent();
                    assertThat(answer.body()).contains("\"status\":503");
                    toldToRetry++;
                }
            }
            assertThat(landed).as("uploads that landed (%d were told to retry)", toldToRetry).isPositive();
            assertThat(toldToRetry).as("uploads told to retry").isPositive();
            assertServerHealthy();
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void twoHundredStalledBodiesWithoutLoginDoNotHoldUpALoggedInUser() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = new Socket("localhost", server.port());
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 64\r\n\r\n{\"username\": ").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(500);
            assertPromptAnswer("while 200 bodies stall");

            long started = System.nanoTime();
            int timedOut = 0;
            int turnedAway = 0;
            for (Socket socket : stalled) {
                String status = statusLine(socket.getInputStream());
                if (status.startsWith("HTTP/1.1 408")) {
                    timedOut++;
                } else {
                    assertThat(status).as("a stalled login is timed out (408) or turned away (503)")
                            .startsWith("HTTP/1.1 503");
                    turnedAway++;
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("every stalled body was answered within")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(timedOut).as("stalled logins timed out (%d turned away)", turnedAway).isPositive();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertServerHealthy();
    }

    private void assertPromptAnswer(String when) {
        long started = System.nanoTime();
        Reply who = api.send("GET", "api/session", null, auditorSession);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(who.status()).as(when + ": " + who).isEqualTo(200);
        assertThat(took).as("a logged-in request " + when).isLessThan(PROMPT);
    }

    private void assertServerHealthy() throws IOException {
        Reply ready = api.get(Login.NOBODY, "health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
        assertPromptAnswer("afterwards");
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).as("server log").doesNotContain("OutOfMemoryError");
    }

    /** The first quarter, a pause long enough for all uploads to be in flight at once, then the rest. */
    private static InputStream pausing(byte[] body) {
        int head = body.length / 4;
        InputStream pause = new InputStream() {
            private boolean slept;

            @Override
            public int read() {
                if (!slept) {
                    slept = true;
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return -1;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(body, 0, head), pause),
                new ByteArrayInputStream(body, head, body.length - head));
    }

    private long openRelease() {
        String name = Api.unique("load");
        Reply model = api.post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + name + "\"}");
        assertThat(model.status()).as(model.toString()).isEqualTo(201);
        Reply release = api.post(Login.ML_ENGINEER, "api/models/" + name + "/releases", "{\"version\": \"1.0.0\"}");
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        return release.json().getJsonNumber("id").longValue();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
