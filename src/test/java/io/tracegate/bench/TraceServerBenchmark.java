package io.tracegate.bench;

import io.tracegate.evidence.domain.Gate;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TraceInput;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.evidence.domain.Verdict;
import io.tracegate.it.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13: what a user waits for. The trace benchmark's release ({@link TraceDataSet}: 50,000 requirements, 150,000
 * test results) seeded through the API into a Tracegate on Payara Micro, then {@code GET /api/releases/{id}/gate} and
 * {@code /trace} timed end to end (HTTP, database read, compute, JSON), cold (the first call after a server start) and
 * warm (median of several), beside OpenFastTrace's whole run on the same data, in the same run.
 *
 * <p>Seeding, as a user would: a reference release with the reference metrics; a Git repository of the 50,000
 * requirement files imported as a baseline in which some requirements read differently, linked to the release; the
 * evaluation reports uploaded naming the requirements they judge and reviewed under that baseline (split by class into
 * 200 files: an upload names at most 500 requirements, see {@link TraceReleaseFiles#writeReports}; uploaded before the
 * release has a baseline, see {@link #probeNamedCheck}); then the
 * repository revised, imported and linked as the release's baseline, and the 300 JUnit XML reports (tests name their
 * requirement: {@code verifies_MLR_00001_1}) and the latency reports uploaded (4 at a time) and reviewed as
 * {@link TraceDataSet} does. No waivers (the in-process data set has 25), so the server's gate is checked against the
 * in-process compute of the same input without them.
 *
 * <p>{@code -Dbench.traceserver.reuse=true} keeps the seeded server data in {@code target/tracesrv} for later builds.
 * {@code -Dbench.traceserver.jfr=true} records the warm calls with Flight Recorder ({@code target/tracesrv/warm.jfr}).
 *
 * <p>Arguments: target directory, Payara Micro jar, WAR, OpenFastTrace jar, server heap, OFT heap, warm calls.
 */
public final class TraceServerBenchmark {

    private static final Pattern COUNT = Pattern.compile("\"([A-Z_]+)\":(\\d+)");

    private TraceServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path work = target.resolve("tracesrv");
        String serverHeap = args[4];
        String oftHeap = args[5];
        int warmCalls = Integer.parseInt(args[6]);
        boolean reuse = Boolean.getBoolean("bench.traceserver.reuse");
        Path seeded = work.resolve("seeded.properties");
        if (!(reuse && Files.exists(seeded))) {
            PackageBenchmark.deleteTree(work);
        }
        Path runtime = Files.createDirectories(work.resolve("rt"));
        Path payara = Files.copy(Path.of(args[1]), runtime.resolve("micro-runtime.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path war = Files.copy(Path.of(args[2]), runtime.resolve("app.war"), StandardCopyOption.REPLACE_EXISTING);
        Path data = Files.createDirectories(work.resolve("data"));
        Path log = work.resolve("server.log");
        Map<String, String> settings = Map.of("TRACEGATE_GIT_LOCAL_ROOTS", work.toString());
        // An evaluation report's upload names up to ~1,200 requirements (~27 KB of query): beyond Payara's default 8 KB
        // for the request line and headers, which answers 400 with no body.
        Path preBoot = work.resolve("pre-boot.asadmin");
        Files.writeString(preBoot, "set configs.config.server-config.network-config.protocols.protocol.http-listener"
                + ".http.header-buffer-length-bytes=" + (64 * 1024) + "\n");
        List<String> options = List.of("--prebootcommandfile", preBoot.toString());
        String loadBefore = loadAverage();

        TraceDataSet dataSet = TraceDataSet.generate();
        boolean seedNow = !Files.exists(seeded);
        if (seedNow) {
            try (ServerProcess server = ServerProcess.start(payara, war, data, serverHeap, log, settings, options)) {
                long start = System.nanoTime();
                long release = seed(new TraceServerApi(server.base()), dataSet, work);
                Files.writeString(seeded, "release=" + release + "\nseeding=" + String.format("%.1f", seconds(start)) + "\n");
            }
        }
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(seeded)) {
            state.load(in);
        }
        long release = Long.parseLong(state.getProperty("release"));
        System.out.println("Seeded release " + release + " (seeding " + state.getProperty("seeding") + " s"
                + (seedNow ? "" : ", kept from an earlier run") + ")");
        if (Files.exists(work.resolve("probe.txt"))) {
            System.out.print("Seeding probe: " + Files.readString(work.resolve("probe.txt")));
        }

        String gatePath = "api/releases/" + release + "/gate";
        String tracePath = "api/releases/" + release + "/trace";
        // Cold: each endpoint first thing after a server start (JIT, H2's caches, the container's first use).
        double[] coldGate = cold(payara, war, data, serverHeap, log, settings, options, gatePath);
        double[] coldTrace = cold(payara, war, data, serverHeap, log, settings, options, tracePath);
        // The warm server's GC log gives its heap peak (before a collection) and live heap (after one).
        Path gcLog = work.resolve("warm-gc.log");
        Files.deleteIfExists(gcLog);
        String jvmOptions = "-Xlog:gc,gc+heap+exit:file=" + gcLog;
        if (Boolean.getBoolean("bench.traceserver.jfr")) {
            jvmOptions += " -XX:StartFlightRecording=filename=" + work.resolve("warm.jfr") + ",settings=profile,dumponexit=true";
        }
        Map<String, String> warmSettings = new LinkedHashMap<>(settings);
        warmSettings.put("JAVA_TOOL_OPTIONS", jvmOptions);
        double[] gate = new double[warmCalls];
        double[] trace = new double[warmCalls];
        String gateBody;
        int traceBytes;
        long hwm;
        try (ServerProcess server = ServerProcess.start(payara, war, data, serverHeap, log, warmSettings, options)) {
            TraceServerApi api = new TraceServerApi(server.base());
            // Two of each first, so that the JIT has compiled both paths before the measured calls.
            for (int i = 0; i < 2; i++) {
                api.get(gatePath);
                api.get(tracePath);
            }
            gateBody = api.get(gatePath);
            traceBytes = api.get(tracePath).length();
            for (int i = 0; i < warmCalls; i++) {
                long start = System.nanoTime();
                api.get(gatePath);
                gate[i] = seconds(start);
                start = System.nanoTime();
                api.get(tracePath);
                trace[i] = seconds(start);
            }
            hwm = PackageBenchmark.MemorySampler.procStatus(server.pid(), "VmHWM");
        }
        String loadServer = loadAverage();

        // The peer, with the server stopped: OpenFastTrace's whole run on the same decomposition and test links.
        Path oftDir = work.resolve("oft");
        PackageBenchmark.deleteTree(oftDir);
        dataSet.writeOft(oftDir.resolve("spec"), oftDir.resolve("test"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] oft = new double[3];
        for (int round = 0; round < oft.length; round++) {
            TraceBenchmark.Cold o = TraceBenchmark.runChild(oftDir, "oft-" + round, List.of(java, "-Xmx" + oftHeap, "-jar",
                    Path.of(args[3]).toAbsolutePath().toString(), "trace", "-v", "summary", "-c", "BLACK_AND_WHITE",
                    oftDir.resolve("spec").toString(), oftDir.resolve("test").toString()));
            TraceBenchmark.checkOftSummary(o.output(), dataSet.oftExpectation());
            oft[round] = o.seconds();
        }

        Gate expected = inProcessGateWithoutWaivers(dataSet);
        Map<String, Integer> served = countsOf(gateBody);
        boolean same = served.equals(countsOf(expected));
        System.out.printf("%nServer gate %s; in-process compute of the same input (no waivers): %s -> %s%n", served,
                countsOf(expected), same ? "the same" : "DIFFERENT");
        System.out.printf("%n%-70s %8s   %s%n", "measurement", "seconds", "what it includes");
        System.out.printf("%-70s %8.3f   first request after a server start%n", "GET /gate, cold", coldGate[0]);
        System.out.printf("%-70s %8.3f   first request after another server start (%,d bytes of JSON)%n",
                "GET /trace, cold", coldTrace[0], (long) coldTrace[1]);
        System.out.printf("%-70s %8.3f   median of %d, range %.3f-%.3f%n", "GET /gate, warm", median(gate), warmCalls,
                min(gate), max(gate));
        System.out.printf("%-70s %8.3f   median of %d, range %.3f-%.3f (%,d bytes)%n", "GET /trace, warm", median(trace),
                warmCalls, min(trace), max(trace), traceBytes);
        System.out.printf("%-70s %8.3f   median of %d, range %.3f-%.3f (-Xmx%s)%n",
                "OpenFastTrace process (JVM + import + link + trace + summary)", median(oft), oft.length, min(oft),
                max(oft), oftHeap);
        System.out.printf("OFT process / GET /trace: cold %.1fx, warm %.1fx; OFT process / GET /gate: cold %.1fx, warm %.1fx%n",
                median(oft) / coldTrace[0], median(oft) / median(trace), median(oft) / coldGate[0], median(oft) / median(gate));
        double[] heap = TraceBenchmark.heapFromGcLog(gcLog);
        System.out.printf("Warm server at -Xmx%s: heap peak %.0f MB, live heap after a collection %.0f MB (GC log), peak RSS"
                + " %.0f MB (VmHWM); server log %s%n", serverHeap, heap[0], heap[1], hwm / 1e6, log);
        System.out.println("""

                What each figure includes: the client's wall time for one GET, from sending to the last byte of the body,
                on this machine (HTTP/1.1 on localhost): authentication, reading the release's baseline (50,000
                requirements) and evidence (510 items, 150,000 test cases, 20,000 metrics) and the reference release's
                10,000 metrics from embedded H2, TraceMatrix.compute (linking included), and writing the JSON (/trace: the
                whole matrix). Cold: the endpoint's first call after the server started. OFT: a fresh JVM reading its own
                Markdown and tagged Java files, as in TraceBenchmark; it checks links only.""");
        System.out.println("Load average (1, 5, 15 min) on " + Runtime.getRuntime().availableProcessors() + " cores: "
                + loadBefore + " before, " + loadServer + " after the server calls, " + loadAverage() + " at the end.");
        if (!same) {
            throw new IllegalStateException("the server's gate differs from the in-process compute of the same release");
        }
        if (!reuse) {
            PackageBenchmark.deleteTree(work);
        }
    }

    /** {seconds, bytes} of the first call of {@code path} on a freshly started server. */
    private static double[] cold(Path payara, Path war, Path data, String heap, Path log, Map<String, String> settings,
                                 List<String> options, String path) throws Exception {
        try (ServerProcess server = ServerProcess.start(payara, war, data, heap, log, settings, options)) {
            TraceServerApi api = new TraceServerApi(server.base());
            long start = System.nanoTime();
            int bytes = api.get(path).length();
            return new double[]{seconds(start), bytes};
        }
    }

    // ---- seeding ----------------------------------------------------------------------------------------------

    private static long seed(TraceServerApi api, TraceDataSet data, Path work) throws Exception {
        Path files = Files.createDirectories(work.resolve("files"));
        Path repo = Files.createDirectories(work.resolve("repo"));
        long start = System.nanoTime();
        TraceReleaseFiles.writeRequirements(data, repo, data.suspectKpiLinks);
        PackageBenchmark.run(repo, "git", "init", "-q", "-b", "main");
        commit(repo, "50,000 requirements");
        for (int f = 1; f <= TraceDataSet.TEST_FILES; f++) {
            TraceReleaseFiles.writeJunit(data, f, files.resolve("TEST-" + TraceDataSet.suite(f) + ".xml"));
        }
        Map<String, Set<String>> reports = TraceReleaseFiles.writeReports(data, files);
        TraceReleaseFiles.writeReference(data, files.resolve("reference-kpis.json"));
        System.out.printf("Wrote the requirement repository and the evidence files in %.1f s%n", seconds(start));

        String model = "tracebench";
        api.createModel(model);
        long reference = api.createRelease(model, "4.2.0", null);
        api.upload(reference, files.resolve("reference-kpis.json"), List.of());
        long release = api.createRelease(model, "4.2.0-int8.1", reference);

        // Every report that names requirements goes up before the release has a baseline: with one, each named id is
        // checked by a query of its own through the baseline's requirements, which took minutes per file here (see
        // probeNamedCheck). They are kept as written and linked when the matrix is computed, as with a baseline.
        start = System.nanoTime();
        Map<String, Long> ids = new java.util.concurrent.ConcurrentHashMap<>();
        List<Callable<Void>> named = new ArrayList<>();
        for (Map.Entry<String, Set<String>> report : reports.entrySet()) {
            named.add(() -> {
                ids.put(report.getKey(), api.upload(release, files.resolve(report.getKey()), report.getValue()));
                return null;
            });
        }
        parallel(named);
        System.out.printf("Uploaded %d evaluation and latency reports naming requirements in %.1f s%n", named.size(),
                seconds(start));

        start = System.nanoTime();
        long earlier = api.importBaseline(repo);
        api.linkBaseline(release, earlier);
        System.out.printf("Imported and linked the earlier baseline (%,d requirements) in %.1f s%n",
                TraceDataSet.REQUIREMENTS, seconds(start));
        // The evaluation reports, reviewed under the earlier baseline: suspect where a requirement changed since.
        start = System.nanoTime();
        parallel(reviews(api, release, ids, file -> file.startsWith("kpi-") && !TraceReleaseFiles.unreviewed(file)));
        System.out.printf("Reviewed the evaluation reports in %.1f s%n", seconds(start));
        probeNamedCheck(api, model, earlier, files, reports, work);

        start = System.nanoTime();
        for (Path file : TraceReleaseFiles.pathsOf(data, repo, data.suspectKpiLinks)) {
            Files.writeString(file, Files.readString(file).replace(" (draft)\n", "\n"));
        }
        commit(repo, "revise " + data.suspectKpiLinks.size() + " requirements");
        long current = api.importBaseline(repo);
        api.linkBaseline(release, current);
        System.out.printf("Imported and linked the revised baseline in %.1f s%n", seconds(start));

        start = System.nanoTime();
        List<Callable<Void>> uploads = new ArrayList<>();
        for (int f = 1; f <= TraceDataSet.TEST_FILES; f++) {
            int file = f;
            uploads.add(() -> {
                long id = api.upload(release, files.resolve("TEST-" + TraceDataSet.suite(file) + ".xml"), List.of());
                ReviewState review = TraceDataSet.testFileReview(file);
                if (review != ReviewState.UNREVIEWED) {
                    api.review(release, id, review.name());
                }
                return null;
            });
        }
        uploads.addAll(reviews(api, release, ids, file -> file.startsWith("latency-")));
        parallel(uploads);
        System.out.printf("Uploaded and reviewed %d JUnit XML reports (%,d test results), reviewed the latency reports,"
                + " in %.1f s%n", TraceDataSet.TEST_FILES, TraceDataSet.TESTS, seconds(start));
        return release;
    }

    private static List<Callable<Void>> reviews(TraceServerApi api, long release, Map<String, Long> ids,
                                                java.util.function.Predicate<String> accepted) {
        List<Callable<Void>> reviews = new ArrayList<>();
        ids.forEach((file, id) -> {
            if (accepted.test(file)) {
                reviews.add(() -> {
                    api.review(release, id, "ACCEPTED");
                    return null;
                });
            }
        });
        return reviews;
    }

    /**
     * What naming requirements costs an upload once the release has a baseline: the same kind of file uploaded to a
     * release with the 50,000-requirement baseline naming none and naming 10 of them. Written to the seeding's notes.
     */
    private static void probeNamedCheck(TraceServerApi api, String model, long baseline, Path files,
                                        Map<String, Set<String>> reports, Path work) throws Exception {
        long probe = api.createRelease(model, "0.0.1-probe", null);
        api.linkBaseline(probe, baseline);
        long start = System.nanoTime();
        api.upload(probe, files.resolve("kpi-set-1-part-1.json"), List.of());
        double none = seconds(start);
        List<String> ten = reports.get("kpi-set-0-part-1.json").stream().limit(10).toList();
        start = System.nanoTime();
        api.upload(probe, files.resolve("kpi-set-0-part-1.json"), ten);
        double named = seconds(start);
        String line = String.format("upload of a 100-metric evaluation report to a release with the %,d-requirement"
                + " baseline: %.2f s naming no requirement, %.2f s naming 10 (%.2f s per named id)",
                TraceDataSet.REQUIREMENTS, none, named, (named - none) / 10);
        System.out.println(line);
        Files.writeString(work.resolve("probe.txt"), line + "\n");
    }

    /** Four at a time, as CI jobs would upload: the server parses one while it stores another. */
    private static void parallel(List<Callable<Void>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> call : calls) {
                done.add(pool.submit(call));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void commit(Path repo, String message) throws Exception {
        PackageBenchmark.run(repo, "git", "add", "-A");
        PackageBenchmark.run(repo, "git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q",
                "-m", message);
    }

    // ---- checks and figures -----------------------------------------------------------------------------------

    private static Gate inProcessGateWithoutWaivers(TraceDataSet data) {
        TraceInput input = data.toTraceInput();
        return TraceMatrix.compute(new TraceInput(input.baselineId(), input.requirements(), input.evidence(),
                input.referenceMetrics(), input.earlierFingerprints(), Set.of(), input.findings(),
                input.waivedFindings())).gate();
    }

    private static Map<String, Integer> countsOf(String gateJson) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String inCounts = gateJson.substring(gateJson.indexOf("\"counts\""));
        Matcher m = COUNT.matcher(inCounts.substring(0, inCounts.indexOf('}')));
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    private static Map<String, Integer> countsOf(Gate gate) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), gate.counts().getOrDefault(v, 0));
        }
        return counts;
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
