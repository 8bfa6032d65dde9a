package io.tracegate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The package benchmark's calls to Tracegate's API: opening the release, seeding it, generating packages. */
final class PackageApi {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    private static final Pattern STEP = Pattern.compile("\"step\":\"([A-Z_]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("\"packageId\":(\\d+)");
    private static final Pattern FAILURE = Pattern.compile("\"failure\":\"([^\"]*)\"");
    private static final Pattern SHA = Pattern.compile("\"sha256\":\"([0-9a-f]{64})\"");
    private static final Pattern SIZE = Pattern.compile("\"size\":(\\d+)");

    private PackageApi() {
    }

    /** One package generation as the client saw it. */
    record Generated(double seconds, String steps, String sha256, long size) {
    }

    /** The few calls the benchmark makes, each as the demo user whose role may make it. */
    static final class Api {

        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final AtomicLong retried = new AtomicLong();

        Api(URI base) {
            this.base = base;
        }

        long openRelease() throws Exception {
            String model = "bench-" + Long.toString(System.nanoTime(), 36);
            send("mira", "POST", "api/models", "{\"name\": \"" + model + "\"}", 201);
            return id(send("mira", "POST", "api/models/" + model + "/releases", "{\"version\": \"1.0.0\"}", 201));
        }

        long importBaseline(Path repo) throws Exception {
            return id(send("sam", "POST", "api/baselines/git",
                    "{\"repository\": \"" + repo + "\", \"ref\": \"main\"}", 201));
        }

        void put(String user, String path, String json) throws Exception {
            send(user, "PUT", path, json, 200);
        }

        /**
         * One PUT; a 5xx is retried (the same file again is a harmless retry, 200) and counted, so a rare
         * server error is reported instead of ending a seeding that took minutes.
         */
        void upload(long release, Path file, EvidenceFiles.File f) throws Exception {
            String query = "?sha256=" + f.sha256() + "&requirement=" + f.requirement() + "&ciSystem=bench&rig=hil-rig-07";
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve(
                                "api/releases/" + release + "/evidence/files/" + f.name() + query))
                        .header("Authorization", auth("mira")).header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 201 || reply.statusCode() == 200) {
                    return;
                }
                String text = reply.body().replaceAll("(?s)<style.*?</style>", "").replaceAll("<[^>]+>", " ")
                        .replaceAll("\\s+", " ");
                if (reply.statusCode() < 500 || attempt == 3) {
                    throw new IllegalStateException("upload of " + f.name() + ": " + reply.statusCode() + " " + text);
                }
                retried.incrementAndGet();
                System.out.println("  retrying " + f.name() + " after " + reply.statusCode() + ": "
                        + text.substring(0, Math.min(600, text.length())));
            }
        }

        /** POST with respond-async, then poll the job until it ends; the steps' times come from the polls. */
        Generated generate(long release) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("api/releases/" + release + "/packages"))
                    .header("Authorization", auth("ada")).header("Prefer", "respond-async")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("package request: " + accepted.statusCode() + " " + accepted.body());
            }
            String job = accepted.headers().firstValue("Location").orElseThrow();
            Map<String, Double> stepStarts = new LinkedHashMap<>();
            while (true) {
                String body = send("ada", "GET", job.startsWith("/") ? job.substring(1) : job, null, 200);
                double at = PackageBenchmark.seconds(start);
                Matcher step = STEP.matcher(body);
                if (step.find()) {
                    stepStarts.putIfAbsent(step.group(1), at);
                }
                String state = group(STATE, body);
                if (state.equals("SUCCEEDED")) {
                    double total = at;
                    String pkg = send("ada", "GET", "api/releases/" + release + "/packages/" + group(PACKAGE, body), null, 200);
                    return new Generated(total, steps(stepStarts, total), group(SHA, pkg), Long.parseLong(group(SIZE, pkg)));
                }
                if (state.equals("FAILED")) {
                    Matcher failure = FAILURE.matcher(body);
                    throw new IllegalStateException("package job failed: " + (failure.find() ? failure.group(1) : body));
                }
                Thread.sleep(200);
            }
        }

        /** Each step with the time from when it was first seen until the next one was (poll resolution 0.2 s). */
        private static String steps(Map<String, Double> starts, double end) {
            List<Map.Entry<String, Double>> list = new ArrayList<>(starts.entrySet());
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                double next = i + 1 < list.size() ? list.get(i + 1).getValue() : end;
                out.append(i == 0 ? "" : ", ").append(list.get(i).getKey().toLowerCase()).append(' ')
                        .append(String.format("%.1f", next - list.get(i).getValue()));
            }
            return out.toString();
        }

        String metrics() throws Exception {
            // the metrics are for administrators and auditors
            return http.send(HttpRequest.newBuilder(base.resolve("metrics")).header("Accept", "text/plain")
                            .header("Authorization", auth("ada")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
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
                throw new IllegalStateException(method + " " + path + ": " + reply.statusCode() + " " + reply.body());
            }
            return reply.body();
        }

        private static String auth(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":tracegate-demo").getBytes(StandardCharsets.UTF_8));
        }

        private static long id(String body) {
            return Long.parseLong(group(ID, body));
        }

        private static String group(Pattern pattern, String body) {
            Matcher m = pattern.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException(pattern + " not in " + body);
            }
            return m.group(1);
        }
    }
}
