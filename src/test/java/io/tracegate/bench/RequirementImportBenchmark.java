package io.tracegate.bench;

import io.tracegate.it.ServerProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Generates a Git repository of 10,000 requirement files and prints, measured in the same run: the first
 * import into Tracegate (fetch, parse, freeze, store), the re-import after a commit changing 10 files
 * (read through the Git diff), and {@code git clone} of the same repository; then reading the second
 * baseline whole (10,000 requirements as JSON) and the diff of the two.
 *
 * <p>Usage: {@code mvn -Pbench verify} (both benchmarks) or {@code -Dbench.skip.upload=true}.
 */
public final class RequirementImportBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("sam:tracegate-demo".getBytes(StandardCharsets.UTF_8));
    private static final int REQUIREMENTS = 10_000;

    private RequirementImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path payara = Path.of(args[1]);
        Path war = Path.of(args[2]);
        Path work = target.resolve("bench/requirements").toAbsolutePath();
        deleteTree(work);
        Path repo = Files.createDirectories(work.resolve("repo"));
        System.out.println("Generating a repository of " + REQUIREMENTS + " requirement files ...");
        generate(repo);
        run(repo, "git", "init", "-q", "-b", "main");
        run(repo, "git", "add", "-A");
        commit(repo, "10,000 requirements");

        try (ServerProcess server = ServerProcess.start(payara, war, Files.createDirectories(work.resolve("data")), "1g",
                work.resolve("server.log"), Map.of("TRACEGATE_GIT_LOCAL_ROOTS", work.toString()))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            long cloneStart = System.nanoTime();
            run(work, "git", "clone", "-q", repo.toString(), work.resolve("clone").toString());
            double clone = seconds(cloneStart);

            long firstStart = System.nanoTime();
            String first = importGit(http, server.base(), repo);
            double firstImport = seconds(firstStart);

            for (int i = 0; i < 10; i++) {
                Path file = repo.resolve(pathOf(i * 997));
                Files.writeString(file, Files.readString(file).replace("Why it matters.", "Why it matters, revised."));
            }
            run(repo, "git", "add", "-A");
            commit(repo, "revise 10 requirements");
            long againStart = System.nanoTime();
            String second = importGit(http, server.base(), repo);
            double reimport = seconds(againStart);

            long detailStart = System.nanoTime();
            int detailBytes = get(http, server.base(), "api/baselines/" + second).length();
            double detail = seconds(detailStart);
            long diffStart = System.nanoTime();
            String diff = get(http, server.base(), "api/baselines/" + first + "/diff/" + second);
            double diffing = seconds(diffStart);
            if (!diff.contains("\"unchanged\":9990")) {
                throw new IllegalStateException("unexpected diff: " + diff);
            }

            System.out.printf("%n%-44s %10s%n", "measurement", "seconds");
            System.out.printf("%-44s %10.2f%n", "git clone (peer)", clone);
            System.out.printf("%-44s %10.2f   goal <= %.2f (2x clone)%n", "first import, 10,000 files", firstImport, 2 * clone);
            System.out.printf("%-44s %10.2f   goal <= 0.50%n", "re-import after 10 changed files", reimport);
            System.out.printf("%-44s %10.2f   (%d bytes of JSON)%n", "read the re-imported baseline", detail, detailBytes);
            System.out.printf("%-44s %10.2f%n", "diff of the two baselines", diffing);
            System.out.println("\nimport = POST /api/baselines/git: fetch into a bare mirror, parse, check decomposition, "
                    + "store the baseline (embedded H2); baselines " + first + " and " + second + ".");
        }
    }

    private static String importGit(HttpClient http, URI base, Path repo) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve("api/baselines/git"))
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"repository\": \"" + repo + "\", \"ref\": \"main\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("import failed: " + reply.statusCode() + " " + reply.body());
        }
        return reply.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    }

    private static String get(HttpClient http, URI base, String path) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", AUTH)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " failed: " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    /** 10 safety goals, 100 FSRs under them, the rest ML requirements under the FSRs. */
    private static void generate(Path repo) throws Exception {
        BaselineRepository.write(REQUIREMENTS, i -> repo.resolve(pathOf(i)));
    }

    private static String idOf(int i) {
        return "REQ-" + i;
    }

    private static String pathOf(int i) {
        return "requirements/area-" + (i % 50) + "/" + idOf(i) + ".md";
    }

    private static void commit(Path repo, String message) throws Exception {
        run(repo, "git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", message);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
