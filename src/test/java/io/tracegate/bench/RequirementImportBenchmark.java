package io.tracegate.bench;

import io.tracegate.it.ServerProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a Git repository of 10,000 requirement files and measures, in several rounds on one server: the
 * first import into Tracegate (fetch, parse, freeze, store) of a fresh copy of the repository, the re-import
 * after a commit changing 10 files (read through the Git diff), and {@code git clone} of the same copy as
 * the peer, in the same round; then, once, reading the last re-imported baseline whole (10,000
 * requirements as JSON) and the diff of that round's two baselines.
 *
 * <p>A single sample says little on a shared machine, and the first round also pays for the server's cold
 * JVM (class loading, JIT, JGit's first use): it is printed on its own, and the medians and ranges are over
 * the later rounds. Each import's phases come from the server log.
 *
 * <p>Usage: {@code mvn -Pbench verify} (all benchmarks) or {@code -Dbench.skip.upload=true}; rounds with
 * {@code -Dbench.requirements.rounds} (default 5).
 */
public final class RequirementImportBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("sam:tracegate-demo".getBytes(StandardCharsets.UTF_8));
    private static final int REQUIREMENTS = 10_000;
    private static final Pattern PHASES = Pattern.compile(
            "Baseline (\\d+) from .*fetch (\\d+) ms, read and check (\\d+) ms, store (\\d+) ms");

    private RequirementImportBenchmark() {
    }

    /** One round's wall times, and the server's phases (fetch, read and check, store) of both imports. */
    private record Round(double peerClone, double first, double reimport, double[] firstPhases, double[] againPhases) {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path payara = Path.of(args[1]);
        Path war = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (rounds < 2) {
            throw new IllegalArgumentException("at least 2 rounds: the first is cold and reported on its own");
        }
        Path work = target.resolve("bench/requirements").toAbsolutePath();
        deleteTree(work);
        Path template = Files.createDirectories(work.resolve("template"));
        System.out.println("Generating a repository of " + REQUIREMENTS + " requirement files ...");
        BaselineRepository.write(REQUIREMENTS, i -> template.resolve(pathOf(i)));
        run(template, "git", "init", "-q", "-b", "main");
        run(template, "git", "add", "-A");
        commit(template, "10,000 requirements");

        Path log = work.resolve("server.log");
        try (ServerProcess server = ServerProcess.start(payara, war, Files.createDirectories(work.resolve("data")), "1g",
                log, Map.of("TRACEGATE_GIT_LOCAL_ROOTS", work.toString()))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Round> measured = new ArrayList<>();
            String first = null;
            String second = null;
            for (int round = 1; round <= rounds; round++) {
                // A fresh copy each round: a repository Tracegate has not seen, so the first import reads every file.
                Path repo = work.resolve("round-" + round);
                run(work, "cp", "-r", template.toString(), repo.toString());

                long cloneStart = System.nanoTime();
                run(work, "git", "clone", "-q", repo.toString(), work.resolve("clone-" + round).toString());
                double clone = seconds(cloneStart);

                long firstStart = System.nanoTime();
                first = importGit(http, server.base(), repo);
                double firstImport = seconds(firstStart);

                for (int i = 0; i < 10; i++) {
                    Path file = repo.resolve(pathOf(i * 997));
                    Files.writeString(file, Files.readString(file).replace("Why it matters.", "Why it matters, revised."));
                }
                run(repo, "git", "add", "-A");
                commit(repo, "revise 10 requirements");
                long againStart = System.nanoTime();
                second = importGit(http, server.base(), repo);
                double reimport = seconds(againStart);

                Round r = new Round(clone, firstImport, reimport, phasesOf(log, first), phasesOf(log, second));
                measured.add(r);
                System.out.printf("round %d: clone %.2f s, first import %.2f s (server %s), re-import %.2f s (server %s)%n",
                        round, clone, firstImport, phaseText(r.firstPhases()), reimport, phaseText(r.againPhases()));
            }

            long detailStart = System.nanoTime();
            int detailBytes = get(http, server.base(), "api/baselines/" + second).length();
            double detail = seconds(detailStart);
            long diffStart = System.nanoTime();
            String diff = get(http, server.base(), "api/baselines/" + first + "/diff/" + second);
            double diffing = seconds(diffStart);
            if (!diff.contains("\"unchanged\":9990")) {
                throw new IllegalStateException("unexpected diff: " + diff);
            }
            report(measured, detail, detailBytes, diffing);
        }
    }

    private static void report(List<Round> rounds, double detail, int detailBytes, double diffing) {
        Round cold = rounds.get(0);
        List<Round> warm = rounds.subList(1, rounds.size());
        System.out.printf("%n%-46s %8s   %-26s %s%n", "measurement (seconds)", "round 1",
                "later rounds: median (range)", "goal");
        line("git clone (peer)", cold.peerClone(), warm, Round::peerClone, "");
        line("first import, 10,000 files", cold.first(), warm, Round::first, "<= 2x clone of the same round");
        line("  server: fetch", cold.firstPhases()[0], warm, r -> r.firstPhases()[0], "");
        line("  server: read and check", cold.firstPhases()[1], warm, r -> r.firstPhases()[1], "");
        line("  server: store", cold.firstPhases()[2], warm, r -> r.firstPhases()[2], "");
        line("first import / clone", cold.first() / cold.peerClone(), warm, r -> r.first() / r.peerClone(), "<= 2");
        line("re-import after 10 changed files", cold.reimport(), warm, Round::reimport, "<= 0.50");
        line("  server: fetch + read and check + store", sum(cold.againPhases()), warm, r -> sum(r.againPhases()), "");
        long firstMet = warm.stream().filter(r -> r.first() <= 2 * r.peerClone()).count();
        long againMet = warm.stream().filter(r -> r.reimport() <= 0.5).count();
        System.out.printf("%nlater rounds within the goal: first import %d of %d, re-import %d of %d "
                + "(round 1: %s, %s)%n", firstMet, warm.size(), againMet, warm.size(),
                cold.first() <= 2 * cold.peerClone() ? "met" : "not met", cold.reimport() <= 0.5 ? "met" : "not met");
        System.out.printf("read the last re-imported baseline: %.2f s (%d bytes of JSON); diff of its round's "
                + "two baselines: %.2f s%n", detail, detailBytes, diffing);
        System.out.println("import = POST /api/baselines/git of a local repository (read in place), parse, check "
                + "decomposition, store the baseline (embedded H2); one server for all rounds.");
    }

    private static void line(String name, double cold, List<Round> warm, ToDoubleFunction<Round> figure, String goal) {
        double[] values = warm.stream().mapToDouble(figure).sorted().toArray();
        System.out.printf("%-46s %8.2f   %6.2f (%.2f-%.2f)%11s %s%n", name, cold, median(values), values[0],
                values[values.length - 1], "", goal);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private static String phaseText(double[] phases) {
        return String.format("fetch %.2f, read and check %.2f, store %.2f", phases[0], phases[1], phases[2]);
    }

    /** The phases the server logged for the import of {@code baseline}, in seconds. */
    private static double[] phasesOf(Path log, String baseline) throws Exception {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = PHASES.matcher(line);
            if (m.find() && m.group(1).equals(baseline)) {
                return new double[] {Long.parseLong(m.group(2)) / 1e3, Long.parseLong(m.group(3)) / 1e3,
                        Long.parseLong(m.group(4)) / 1e3};
            }
        }
        throw new IllegalStateException("no phases logged for baseline " + baseline + " in " + log);
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

    private static String pathOf(int i) {
        return "requirements/area-" + (i % 50) + "/" + BaselineRepository.idOf(i) + ".md";
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
