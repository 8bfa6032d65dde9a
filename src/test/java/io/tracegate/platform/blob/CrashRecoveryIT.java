package io.tracegate.platform.blob;

import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.it.ServerProcess;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of an upload, then a restart on the same data: nothing half-written is visible,
 * the sweeper clears staging and any blob without a database row (the state a kill between rename and
 * commit leaves, planted here because that window is microseconds wide), and the client's retry with the
 * same digest succeeds; an orphan damaged on disk is replaced by the retry's verified bytes rather than
 * served under the retry's digest; and the audit package job the kill cut off is ended as interrupted as soon as
 * the server is back, not ten minutes later. Not an Arquillian test: it needs to SIGKILL the server and start it again.
 */
class CrashRecoveryIT {

    private static final Map<String, String> SWEEP_AT_ONCE = Map.of("TRACEGATE_BLOB_SWEEP_GRACE", "PT0S");

    @TempDir
    Path data;

    @Test
    void aServerKilledMidUploadRestartsCleanAndTheRetrySucceeds() throws Exception {
        byte[] body = new byte[32 << 20];
        new Random(7).nextBytes(body);
        String sha = sha256(body);
        byte[] orphan = "renamed into the store, never committed".getBytes(StandardCharsets.UTF_8);
        Path orphanBlob = blobPath(sha256(orphan));
        long release;
        String packageJob;

        try (ServerProcess first = start()) {
            Api api = new Api(first.base());
            release = openRelease(api);
            // the demo release's package takes seconds to write: the kill below lands while it is being written
            Reply job = api.send(Login.AUDITOR, "POST", "api/releases/2/packages",
                    java.net.http.HttpRequest.BodyPublishers.noBody(), Map.of("Prefer", "respond-async"));
            assertThat(job.status()).as(job.toString()).isEqualTo(202);
            packageJob = job.header("Location");
            try (Socket socket = new Socket("localhost", first.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PUT /api/releases/" + release + "/artifacts/model.onnx?kind=ONNX_MODEL&sha256=" + sha
                        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Login.CI.authorization()
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                awaitPartialUpload();
                first.kill();
            }
        }
        assertThat(staged()).as("the kill left a half-written temp file").isNotEmpty();
        Files.createDirectories(orphanBlob.getParent());
        Files.write(orphanBlob, orphan);

        try (ServerProcess second = start()) {
            Api api = new Api(second.base());
            assertThat(staged()).as("staging swept at start-up").isEmpty();
            assertThat(orphanBlob).as("a blob without a row is swept").doesNotExist();
            assertThat(api.get(Login.AUDITOR, "api/releases/" + release + "/artifacts").json().getJsonArray("items"))
                    .as("nothing of the cut upload is visible").isEmpty();

            Reply retry = api.upload(Login.CI, "api/releases/" + release + "/artifacts/model.onnx?kind=ONNX_MODEL&sha256="
                    + sha, body);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(blobPath(sha)).exists().hasSize(body.length);

            // An orphan of a crashed upload of this very file, damaged on disk since (after the start-up sweep):
            // the upload must not take it for its own bytes.
            byte[] cache = new byte[1 << 20];
            new Random(11).nextBytes(cache);
            String cacheSha = sha256(cache);
            byte[] damaged = cache.clone();
            damaged[4096] ^= 0x10;
            Files.createDirectories(blobPath(cacheSha).getParent());
            Files.write(blobPath(cacheSha), damaged);
            Reply stored = api.upload(Login.CI, "api/releases/" + release + "/artifacts/calib.cache?kind=CALIBRATION_CACHE"
                    + "&sha256=" + cacheSha, cache);
            assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
            assertThat(stored.json().getString("sha256")).isEqualTo(cacheSha);
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            second.base().resolve(stored.json().getString("content").substring(1)))
                    .header("Authorization", Login.AUDITOR.authorization()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(sha256(download.body())).as("the download serves the bytes the artifact records").isEqualTo(cacheSha);

            JsonObject cut = api.get(Login.AUDITOR, URI.create(packageJob).getPath().substring(1)).json();
            Assumptions.assumeFalse("SUCCEEDED".equals(cut.getString("state")), "the package was written before the kill");
            assertThat(cut.getString("state")).as("the package job the kill cut off, at once after the restart: " + cut)
                    .isEqualTo("FAILED");
            assertThat(cut.getString("failure")).contains("interrupted");
        }
    }

    private ServerProcess start() throws Exception {
        Path log = Path.of(System.getProperty("tracegate.it.logs", "target")).resolve("crash-recovery-server.log");
        Files.createDirectories(log.getParent());
        return ServerProcess.start(Path.of(System.getProperty("tracegate.it.payara")),
                Path.of(System.getProperty("tracegate.it.war", "target/tracegate.war")), data, "512m", log, SWEEP_AT_ONCE);
    }

    private static long openRelease(Api api) {
        Reply model = api.post(Login.ML_ENGINEER, "api/models", "{\"name\": \"crash-test\"}");
        assertThat(model.status()).as(model.toString()).isEqualTo(201);
        Reply release = api.post(Login.ML_ENGINEER, "api/models/crash-test/releases", "{\"version\": \"1.0.0\"}");
        return release.json().getJsonNumber("id").longValue();
    }

    /** Waits until the server has written part of the body to staging, so the kill lands mid-upload. */
    private void awaitPartialUpload() throws Exception {
        for (int i = 0; i < 200; i++) {
            for (Path part : staged()) {
                if (Files.size(part) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the upload never reached the staging area");
    }

    private List<Path> staged() throws IOException {
        Path staging = data.resolve("blobs/staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    private Path blobPath(String sha) {
        return data.resolve("blobs/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
