package io.tracegate.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The trace server benchmark's calls to Tracegate's API, each as the demo user whose role may make it. */
final class TraceServerApi {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TraceServerApi(URI base) {
        this.base = base;
    }

    void createModel(String model) throws Exception {
        send("mira", "POST", "api/models", "{\"name\": \"" + model + "\"}", 201);
    }

    long createRelease(String model, String version, Long reference) throws Exception {
        return id(send("mira", "POST", "api/models/" + model + "/releases", "{\"version\": \"" + version + "\""
                + (reference == null ? "" : ", \"referenceReleaseId\": " + reference) + "}", 201));
    }

    long importBaseline(Path repo) throws Exception {
        return id(send("sam", "POST", "api/baselines/git", "{\"repository\": \"" + repo + "\", \"ref\": \"main\"}", 201));
    }

    void linkBaseline(long release, long baseline) throws Exception {
        send("mira", "PUT", "api/releases/" + release + "/baseline", "{\"baselineId\": " + baseline + "}", 200);
    }

    /** One evidence upload naming {@code requirements}; returns the evidence item's id. */
    long upload(long release, Path file, Collection<String> requirements) throws Exception {
        StringBuilder query = new StringBuilder("?sha256=").append(PackageBenchmark.hex(sha256(file)))
                .append("&ciSystem=bench");
        for (String r : requirements) {
            query.append("&requirement=").append(URLEncoder.encode(r, StandardCharsets.UTF_8));
        }
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve("api/releases/" + release + "/evidence/files/"
                        + file.getFileName() + query)).header("Authorization", auth("mira"))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201 && reply.statusCode() != 200) {
            throw new IllegalStateException("upload of " + file.getFileName() + ": " + reply.statusCode() + " "
                    + reply.body().substring(0, Math.min(2000, reply.body().length())));
        }
        return id(reply.body());
    }

    void review(long release, long evidence, String decision) throws Exception {
        send("sam", "POST", "api/releases/" + release + "/evidence/" + evidence + "/reviews",
                "{\"decision\": \"" + decision + "\", \"comment\": \"benchmark\"}", 201);
    }

    /** A GET as the auditor, read whole; returns the body. */
    String get(String path) throws Exception {
        return send("ada", "GET", path, null, 200);
    }

    private String send(String user, String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth(user));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + reply.statusCode() + " "
                    + reply.body().substring(0, Math.min(2000, reply.body().length())));
        }
        return reply.body();
    }

    private static byte[] sha256(Path file) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        digest.update(java.nio.file.Files.readAllBytes(file));
        return digest.digest();
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":tracegate-demo").getBytes(StandardCharsets.UTF_8));
    }

    private static long id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(m.group(1));
    }
}
