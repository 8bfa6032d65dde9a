package io.tracegate.release.interfaces;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Deployment;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Streaming artifact uploads: verified before visible, stored once, nothing left behind on failure. */
public interface ArtifactUploadScenarios extends ApiScenarios {

    @Test
    default void anUploadWithTheRightDigestIsStoredAndServedBackByteForByte() throws Exception {
        long release = Requests.newRelease(api());
        byte[] bytes = randomBytes(3_000_000);
        String sha = sha256(bytes);
        Reply created = api().upload(Login.CI, uploadPath(release, "yolo-int8.onnx", "ONNX_MODEL", sha), bytes);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject artifact = created.json();
        assertThat(artifact.getString("sha256")).isEqualTo(sha);
        assertThat(artifact.getJsonNumber("size").longValue()).isEqualTo(bytes.length);
        assertThat(artifact.getString("kind")).isEqualTo("ONNX_MODEL");

        Reply listed = api().get(Login.AUDITOR, "api/releases/" + release + "/artifacts");
        assertThat(listed.json().getJsonArray("items")).hasSize(1);
        assertThat(listed.json().getInt("total")).isEqualTo(1);
        assertThat(listed.json().getInt("offset")).isZero();
        assertThat(listed.json().getInt("limit")).isEqualTo(100);

        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        api().base().resolve(artifact.getString("content").substring(1)))
                .header("Authorization", Login.AUDITOR.authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(sha);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''yolo-int8.onnx");
    }

    @Test
    default void identicalContentIsStoredOnceAndARetryIsIdempotent() throws Exception {
        long first = Requests.newRelease(api());
        long second = Requests.newRelease(api());
        byte[] bytes = randomBytes(200_000);
        String sha = sha256(bytes);
        assertThat(api().upload(Login.CI, uploadPath(first, "engine.plan", "TENSORRT_ENGINE", sha), bytes).status()).isEqualTo(201);
        assertThat(api().upload(Login.CI, uploadPath(second, "engine.plan", "TENSORRT_ENGINE", sha), bytes).status()).isEqualTo(201);
        Reply retry = api().upload(Login.CI, uploadPath(first, "engine.plan", "TENSORRT_ENGINE", sha), bytes);
        assertThat(retry.status()).as("same name, same content: a harmless retry").isEqualTo(200);

        assertThat(blobFiles(sha)).as("one stored copy for two artifacts").hasSize(1);

        byte[] other = randomBytes(1000);
        Reply clash = api().upload(Login.CI, uploadPath(first, "engine.plan", "TENSORRT_ENGINE", sha256(other)), other);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().getString("field")).isEqualTo("fileName");
    }

    @Test
    default void aBodyThatDoesNotMatchTheDeclaredDigestLeavesNothing() throws Exception {
        long release = Requests.newRelease(api());
        byte[] bytes = randomBytes(500_000);
        String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
        Reply refused = api().upload(Login.CI, uploadPath(release, "model.onnx", "ONNX_MODEL", wrong), bytes);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("sha256");
        assertThat(refused.json().getString("detail")).contains(sha256(bytes));

        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/artifacts").json().getJsonArray("items")).isEmpty();
        assertThat(blobFiles(sha256(bytes))).isEmpty();
        assertThat(blobFiles(wrong)).isEmpty();
        assertNoStagingLeftovers();
    }

    @Test
    default void anUploadCutOffMidStreamLeavesNothing() throws Exception {
        long release = Requests.newRelease(api());
        byte[] full = randomBytes(2_000_000);
        String sha = sha256(full);
        String path = "/" + uploadPath(release, "cut.onnx", "ONNX_MODEL", sha);
        try (Socket socket = new Socket("localhost", api().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Login.CI.authorization()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + full.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(full, 0, full.length / 2);
            out.flush();
            Thread.sleep(300);
        }
        awaitNoStagingLeftovers();
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/artifacts").json().getJsonArray("items")).isEmpty();
        assertThat(blobFiles(sha)).isEmpty();
    }

    @Test
    default void anUploadOverTheSizeLimitIsRefusedWith413() throws Exception {
        long release = Requests.newRelease(api());
        byte[] bytes = randomBytes(9 * 1024 * 1024); // the test server's limit is 8 MiB
        Reply refused = api().upload(Login.CI, uploadPath(release, "huge.bin", "OTHER", sha256(bytes)), bytes);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(blobFiles(sha256(bytes))).isEmpty();
        assertNoStagingLeftovers();
    }

    @Test
    default void uploadParametersAreValidatedBeforeTheBodyIsRead() throws Exception {
        long release = Requests.newRelease(api());
        byte[] bytes = {1, 2, 3};
        Reply noKind = api().upload(Login.CI, "api/releases/" + release + "/artifacts/a.bin?sha256=" + sha256(bytes), bytes);
        assertThat(noKind.json().getString("field")).isEqualTo("kind");
        Reply badKind = api().upload(Login.CI, uploadPath(release, "a.bin", "EXECUTABLE", sha256(bytes)), bytes);
        assertThat(badKind.json().getString("detail")).contains("ONNX_MODEL");
        Reply badSha = api().upload(Login.CI, uploadPath(release, "a.bin", "OTHER", "xyz"), bytes);
        assertThat(badSha.json().getString("field")).isEqualTo("sha256");
        Reply controlChars = api().upload(Login.CI, uploadPath(release, "a%0D%0Ab.bin", "OTHER", sha256(bytes)), bytes);
        assertThat(controlChars.status()).isEqualTo(400);
        assertThat(controlChars.json().getString("field")).isEqualTo("fileName");
        Reply unknownRelease = api().upload(Login.CI, uploadPath(987654321L, "a.bin", "OTHER", sha256(bytes)), bytes);
        assertThat(unknownRelease.status()).isEqualTo(404);
    }

    @Test
    default void aHostileButPrintableFileNameIsKeptForDisplayAndEscapedInTheDownload() throws Exception {
        long release = Requests.newRelease(api());
        byte[] bytes = randomBytes(100);
        String bidi = "evil\u202Egnp.onnx";
        Reply refused = api().upload(Login.CI, uploadPath(release, java.net.URLEncoder.encode(bidi, StandardCharsets.UTF_8),
                "OTHER", sha256(bytes)), bytes);
        assertThat(refused.status()).as("a bidi override makes the name read as 'evilxnno.png': " + refused).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("fileName");
        assertThat(refused.json().getString("detail")).contains("U+202E");
        String name = "évil:<gnp>.onnx \"quoted\" 模型";
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        Reply created = api().upload(Login.CI, uploadPath(release, encoded, "OTHER", sha256(bytes)), bytes);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("fileName")).isEqualTo(name);
        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        api().base().resolve(created.json().getString("content").substring(1)))
                .header("Authorization", Login.AUDITOR.authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).matches("[\\x20-\\x7e]+").contains("filename*=UTF-8''");
    }

    private static String uploadPath(long release, String name, String kind, String sha) {
        return "api/releases/" + release + "/artifacts/" + name + "?kind=" + kind + "&sha256=" + sha;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static java.util.List<Path> blobFiles(String sha) throws IOException {
        Path objects = Deployment.dataDir().resolve("blobs/sha256");
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(p -> p.getFileName().toString().equals(sha)).toList();
        }
    }

    private static void assertNoStagingLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(Deployment.dataDir().resolve("blobs/staging"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".part")).toList()).isEmpty();
        }
    }

    /** The server notices the cut connection asynchronously; give it a few seconds. */
    private static void awaitNoStagingLeftovers() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> files = Files.list(Deployment.dataDir().resolve("blobs/staging"))) {
                if (files.noneMatch(p -> p.toString().endsWith(".part"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        assertNoStagingLeftovers();
    }
}
