package io.tracegate.bench;

import io.tracegate.evidence.domain.EvidenceLinks;
import io.tracegate.evidence.domain.Gate;
import io.tracegate.evidence.domain.TraceInput;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.evidence.domain.Verdict;
import io.tracegate.requirement.domain.RequirementId;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times Tracegate's trace/gate computation ({@link TraceMatrix#compute}) on a release of 50,000 requirements
 * and 150,000 test results, next to OpenFastTrace 4.9.0 tracing the same decomposition with the same test
 * coverage, measured in the same run (see {@link TraceDataSet} for the data and how it maps to each tool).
 *
 * <p>No single figure compares like with like, so it prints several, each saying what it includes:
 * <ul>
 * <li><b>warm compute</b>: {@code TraceMatrix.compute} on the in-memory input in this JVM, after warm-up;
 *     what a running server pays per trace matrix (the database read is not included). It links the evidence to the
 *     baseline itself, so the <b>baseline switch</b> (the same evidence against a changed baseline,
 *     {@link BaselineSwitch}) is timed the same way, and linking alone too.</li>
 * <li><b>cold compute</b>, and OFT's <b>link + trace</b>: the same step of each tool in a fresh JVM; OFT's is
 *     read from the timestamps of its own log (end of import to start of report).</li>
 * <li><b>process</b>, for both tools: a fresh JVM with the same {@code -Xmx} from start to exit, with the peak
 *     RSS (the kernel's max resident set of the child, via {@code /usr/bin/time}, else polled VmHWM) and the
 *     Java heap from the child's GC log, read the same way for both.</li>
 * </ul>
 *
 * <p>Usage: {@code mvn -Pbench verify -Dbench.skip.upload=true -Dbench.skip.requirements=true}; arguments:
 * target directory, OpenFastTrace jar, child heap ({@code -Dbench.trace.heap}), process rounds per tool
 * ({@code -Dbench.trace.rounds}).
 */
public final class TraceBenchmark {

    private static final int WARM_UP = 2;
    private static final int MEASURED = 7;
    private static final String CHILD = "--child";
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final Pattern CHILD_TIMES = Pattern.compile("generate input ([\\d.]+) s, compute ([\\d.]+) s, (\\d+) rows");
    private static final Pattern OFT_SUMMARY = Pattern.compile("(?m)^(not ok|ok) - (\\d+) total(.*)$");
    private static final Pattern OFT_LOG = Pattern.compile("(?m)^(\\S+ \\S+) \\[FINE\\s*\\] (.*)$");
    private static final Pattern OFT_IMPORTED = Pattern.compile("Imported \\d+ files containing (\\d+) items");
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");
    private static final Pattern GC_EXIT = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    private TraceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child();
            return;
        }
        Path work = Path.of(args[0]).resolve("bench/trace").toAbsolutePath();
        Path oftJar = Path.of(args[1]).toAbsolutePath();
        String heap = args.length > 2 ? args[2] : "2g";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        deleteTree(work);
        Files.createDirectories(work);
        String loadBefore = loadAverage();

        long start = System.nanoTime();
        TraceDataSet data = TraceDataSet.generate();
        double generate = seconds(start);
        start = System.nanoTime();
        data.writeOft(work.resolve("oft/spec"), work.resolve("oft/test"));
        double write = seconds(start);
        TraceDataSet.OftExpectation expected = data.oftExpectation();
        System.out.printf("Generated %,d requirements and %,d test results (seed %d) in %.2f s; wrote OFT's input "
                        + "(%,d files, %.1f MB) in %.2f s%n", TraceDataSet.REQUIREMENTS, TraceDataSet.TESTS, TraceDataSet.SEED,
                generate, fileCount(work.resolve("oft")), treeSize(work.resolve("oft")) / 1e6, write);

        Warm warm = warm(data);
        data = null; // the child JVMs need the memory more than this one
        System.out.println("Tracegate gate: " + describe(warm.gate()));

        List<Cold> tracegate = new ArrayList<>();
        List<Cold> oft = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 1; round <= rounds; round++) {
            // Alternate the tools so that neither gets the quieter minutes of a shared machine.
            Cold t = runChild(work, "tracegate-" + round, List.of(java, "-Xmx" + heap,
                    "-cp", System.getProperty("java.class.path"), TraceBenchmark.class.getName(), CHILD));
            t = t.withPhases(tracegatePhases(t.output()));
            tracegate.add(t);
            // -l FINE makes OFT log when its import ends and its report starts (a dozen lines): the time between is
            // its link + trace, the step that corresponds to TraceMatrix.compute.
            Cold o = runChild(work, "oft-" + round, List.of(java, "-Xmx" + heap, "-jar", oftJar.toString(), "trace",
                    "-v", "summary", "-c", "BLACK_AND_WHITE", "-l", "FINE",
                    work.resolve("oft/spec").toString(), work.resolve("oft/test").toString()));
            o = o.withPhases(oftPhases(o.output(), expected));
            oft.add(o);
            System.out.printf("round %d: Tracegate process %.2f s (compute %.2f s), %.0f MB RSS | OpenFastTrace process %.2f s"
                            + " (link + trace %.2f s), %.0f MB RSS%n", round, t.seconds(), t.phases()[1], t.rssMb(),
                    o.seconds(), o.phases()[1], o.rssMb());
        }
        report(warm, tracegate, oft, heap, rounds);
        // Other work on a shared machine slows cold JVMs (JIT threads) most: say how busy it was.
        System.out.println("\nLoad average (1, 5, 15 min) on " + Runtime.getRuntime().availableProcessors() + " cores: "
                + loadBefore + " before, " + loadAverage() + " after.");
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    // ---- warm, in this JVM -----------------------------------------------------------------------------------

    /**
     * The warm figures: compute on the release's input; the same after a baseline switch ({@link BaselineSwitch}), with
     * its gate; and linking alone ({@code new EvidenceLinks}, part of every compute). Medians of {@value #MEASURED}.
     */
    record Warm(double medianSeconds, double[] runs, double inputMb, double resultMb, double allocatedMb, Gate gate,
                double switchSeconds, double[] switchRuns, Gate switchGate, double linkSeconds) {
    }

    private static Warm warm(TraceDataSet data) {
        long before = usedAfterGc();
        TraceInput input = data.toTraceInput();
        double inputMb = (usedAfterGc() - before) / 1e6;
        for (int i = 0; i < WARM_UP; i++) {
            TraceMatrix.compute(input);
        }
        double[] runs = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            TraceMatrix.compute(input);
            runs[i] = seconds(start);
        }
        // Once more outside the timed runs, to see what one computation allocates and what its result keeps.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long withInput = usedAfterGc();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        TraceMatrix matrix = TraceMatrix.compute(input);
        double allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1e6;
        double resultMb = (usedAfterGc() - withInput) / 1e6;
        if (matrix.rows().size() != TraceDataSet.REQUIREMENTS) {
            throw new IllegalStateException("trace matrix has " + matrix.rows().size() + " rows");
        }
        // The same release against a changed baseline: a switch costs one compute against the new baseline.
        TraceInput switched = BaselineSwitch.of(input);
        double[] switchRuns = timed(() -> TraceMatrix.compute(switched));
        Gate switchGate = TraceMatrix.compute(switched).gate();
        Set<RequirementId> baseline = new HashSet<>();
        input.requirements().forEach(r -> baseline.add(r.id()));
        double[] linkRuns = timed(() -> new EvidenceLinks(baseline, input.evidence()));
        return new Warm(median(runs), runs, inputMb, resultMb, allocatedMb, matrix.gate(), median(switchRuns), switchRuns,
                switchGate, median(linkRuns));
    }

    /** {@value #MEASURED} timed runs after {@value #WARM_UP} untimed ones. */
    private static double[] timed(Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        double[] runs = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            work.run();
            runs[i] = seconds(start);
        }
        return runs;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- cold, child processes -------------------------------------------------------------------------------

    /** The Tracegate child: a fresh JVM that generates the input in memory and computes the matrix once. */
    private static void child() {
        double jvm = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long start = System.nanoTime();
        TraceInput input = TraceDataSet.generate().toTraceInput();
        double build = seconds(start);
        start = System.nanoTime();
        TraceMatrix matrix = TraceMatrix.compute(input);
        double compute = seconds(start);
        System.out.printf("tracegate: jvm start %.3f s, generate input %.3f s, compute %.3f s, %d rows, gate %s%n", jvm,
                build, compute, matrix.rows().size(), describe(matrix.gate()));
    }

    /**
     * One child process.
     *
     * @param seconds    wall time from process start to exit
     * @param rssMb      the child's peak resident set
     * @param heapMb     the largest Java heap occupancy its GC log shows (before a collection, or at exit)
     * @param liveHeapMb the largest heap left after a collection: what the process really kept, at that point
     * @param phases     {input, trace}: for Tracegate generate input / compute, for OFT import / link + trace
     */
    record Cold(double seconds, double rssMb, double heapMb, double liveHeapMb, String output, double[] phases) {

        Cold withPhases(double[] split) {
            return new Cold(seconds, rssMb, heapMb, liveHeapMb, output, split);
        }
    }

    static Cold runChild(Path work, String name, List<String> javaCommand) throws Exception {
        Path out = work.resolve(name + ".out");
        Path gcLog = work.resolve(name + ".gc.log");
        Path timeOut = work.resolve(name + ".time");
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            command.addAll(List.of(TIME.toString(), "-f", "%M", "-o", timeOut.toString()));
        }
        command.add(javaCommand.get(0));
        command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
        command.addAll(javaCommand.subList(1, javaCommand.size()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        AtomicLong polledKb = new AtomicLong();
        Thread poller = timed ? null : pollPeakRss(process, polledKb);
        int exit = process.waitFor();
        double wall = seconds(start);
        if (poller != null) {
            poller.join();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8).trim();
        // OFT exits 1 when its trace finds defects, as it must here; its summary is checked by the caller.
        if (exit != 0 && exit != 1) {
            throw new IllegalStateException(name + " exited " + exit + ":\n" + output);
        }
        long rssKb = timed ? Long.parseLong(Files.readString(timeOut).strip().lines().reduce((a, b) -> b).orElseThrow())
                : polledKb.get();
        double[] heap = heapFromGcLog(gcLog);
        return new Cold(wall, rssKb / 1024.0, heap[0], heap[1], output, new double[0]);
    }

    /** Without /usr/bin/time: VmHWM only grows, so the last value read before exit is close to the peak. */
    private static Thread pollPeakRss(Process process, AtomicLong peakKb) {
        Path status = Path.of("/proc/" + process.pid() + "/status");
        Thread poller = new Thread(() -> {
            while (process.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peakKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                        }
                    }
                    Thread.sleep(5);
                } catch (Exception gone) {
                    return;
                }
            }
        });
        poller.start();
        return poller;
    }

    /** {peak heap, live heap} in MB from a {@code -Xlog:gc,gc+heap+exit} log. */
    static double[] heapFromGcLog(Path log) throws Exception {
        double peak = 0;
        double live = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, mb(pause.group(1), pause.group(2)));
                live = Math.max(live, mb(pause.group(3), pause.group(4)));
            }
            Matcher exit = GC_EXIT.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, mb(exit.group(1), "K"));
            }
        }
        return new double[]{peak, live};
    }

    private static double mb(String value, String unit) {
        long kb = Long.parseLong(value) * switch (unit) {
            case "G" -> 1024L * 1024;
            case "M" -> 1024L;
            default -> 1L;
        };
        return kb / 1024.0;
    }

    /** The child's own split {generate input, compute}, once its output shows a full matrix. */
    private static double[] tracegatePhases(String output) {
        Matcher m = CHILD_TIMES.matcher(output);
        if (!m.find() || Integer.parseInt(m.group(3)) != TraceDataSet.REQUIREMENTS) {
            throw new IllegalStateException("unexpected Tracegate child output:\n" + output);
        }
        return new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /**
     * OFT's own split {import, link + trace} from its log's timestamps (ms), once its summary shows that it traced
     * our release: every item counted and exactly the defects the generator planted.
     */
    private static double[] oftPhases(String output, TraceDataSet.OftExpectation expected) {
        checkOftSummary(output, expected);
        LocalDateTime first = null;
        LocalDateTime imported = null;
        LocalDateTime reporting = null;
        int items = 0;
        Matcher log = OFT_LOG.matcher(output);
        while (log.find()) {
            LocalDateTime at = LocalDateTime.parse(log.group(1).replace(' ', 'T'));
            first = first == null ? at : first;
            Matcher importLine = OFT_IMPORTED.matcher(log.group(2));
            if (importLine.find()) {
                imported = at;
                items += Integer.parseInt(importLine.group(1));
            } else if (imported != null && reporting == null && log.group(2).contains("ReporterFactory")) {
                reporting = at;
            }
        }
        if (imported == null || reporting == null || items != expected.items()) {
            throw new IllegalStateException("cannot find OpenFastTrace's import and report in its log:\n" + output);
        }
        return new double[]{Duration.between(first, imported).toMillis() / 1e3,
                Duration.between(imported, reporting).toMillis() / 1e3};
    }

    /** OFT's summary must show that it traced our release: every item counted and exactly the defects planted. */
    static void checkOftSummary(String output, TraceDataSet.OftExpectation expected) {
        Matcher summary = OFT_SUMMARY.matcher(output);
        if (!summary.find()) {
            throw new IllegalStateException("no OpenFastTrace summary in:\n" + output);
        }
        int total = Integer.parseInt(summary.group(2));
        int direct = count(summary.group(3), "direct");
        int transitive = count(summary.group(3), "transitive");
        if (total != expected.items() || direct != expected.direct() || transitive != expected.transitive()) {
            throw new IllegalStateException("OpenFastTrace traced something else: '" + summary.group() + "', expected "
                    + expected.items() + " total, " + expected.direct() + " direct, " + expected.transitive() + " transitive");
        }
    }

    private static int count(String text, String word) {
        Matcher m = Pattern.compile("(\\d+) " + word).matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    // ---- report ----------------------------------------------------------------------------------------------

    private static void report(Warm warm, List<Cold> tracegate, List<Cold> oft, String heap, int rounds) {
        double warmCompute = warm.medianSeconds();
        double coldCompute = median(tracegate, c -> c.phases()[1]);
        double oftTrace = median(oft, c -> c.phases()[1]);
        double oftRun = median(oft, Cold::seconds);
        double ourRun = median(tracegate, Cold::seconds);
        System.out.printf("%n%-68s %8s %12s %13s %13s%n", "measurement (medians)", "seconds", "peak RSS MB", "peak heap MB",
                "live heap MB");
        System.out.printf("%-68s %8.3f%n", "Tracegate TraceMatrix.compute, warm (" + MEASURED + " runs after " + WARM_UP + ")",
                warmCompute);
        System.out.printf("%-68s %8.3f   goal <= 1 s: %s%n", "Tracegate baseline switch: compute against a changed baseline, warm",
                warm.switchSeconds(), warm.switchSeconds() <= 1 ? "met" : "NOT met");
        System.out.printf("%-68s %8.3f   (%.0f %% of the warm compute)%n", "  of a compute: linking alone (new EvidenceLinks), warm",
                warm.linkSeconds(), 100 * warm.linkSeconds() / warmCompute);
        System.out.printf("%-68s %8.3f%n", "Tracegate TraceMatrix.compute, cold (once, in a fresh JVM)", coldCompute);
        System.out.printf("%-68s %8.3f%n", "OpenFastTrace link + trace, cold (from its log)", oftTrace);
        System.out.printf("%-68s %8.3f%n", "OpenFastTrace import of its files, cold (from its log)",
                median(oft, c -> c.phases()[0]));
        row("Tracegate process: JVM start + generate input + compute", tracegate);
        row("OpenFastTrace process: JVM start + import + link + trace + summary", oft);
        System.out.println();
        System.out.println("Tracegate, round 1:     " + tracegate.get(0).output());
        System.out.println("OpenFastTrace, round 1: " + OFT_SUMMARY.matcher(oft.get(0).output()).results().findFirst()
                .orElseThrow().group());
        System.out.println("Baseline switch (" + BaselineSwitch.describe() + "): gate " + describe(warm.switchGate())
                + "; runs " + Arrays.toString(warm.switchRuns()).replaceAll("(\\.\\d{3})\\d+", "$1") + " s");
        System.out.printf("Tracegate in this JVM: input %.0f MB, trace matrix retained %.0f MB, allocated per compute %.0f MB;"
                        + " warm runs %s s%n", warm.inputMb(), warm.resultMb(), warm.allocatedMb(),
                Arrays.toString(warm.runs()).replaceAll("(\\.\\d{3})\\d+", "$1"));

        double rss = median(tracegate, Cold::rssMb);
        double oftRss = median(oft, Cold::rssMb);
        double peakHeap = median(tracegate, Cold::heapMb);
        double oftPeakHeap = median(oft, Cold::heapMb);
        boolean lessMemory = rss < oftRss && peakHeap < oftPeakHeap;
        System.out.printf("%nMemory, process against process at -Xmx%s (Tracegate vs OFT): peak RSS %.0f vs %.0f MB, peak heap"
                        + " %.0f vs %.0f MB, live heap %.0f vs %.0f MB: %s%n", heap, rss, oftRss, peakHeap, oftPeakHeap,
                median(tracegate, Cold::liveHeapMb), median(oft, Cold::liveHeapMb), lessMemory ? "less" : "NOT less");
        System.out.println("Speed, OFT / Tracegate (goal: >= 10x with less memory):");
        verdict("OFT process             / Tracegate warm compute", oftRun / warmCompute, lessMemory);
        verdict("OFT link + trace (cold) / Tracegate warm compute", oftTrace / warmCompute, lessMemory);
        verdict("OFT link + trace (cold) / Tracegate cold compute", oftTrace / coldCompute, lessMemory);
        verdict("OFT process             / Tracegate process", oftRun / ourRun, lessMemory);
        System.out.println("""

                What each figure includes:
                - warm compute: TraceMatrix.compute on the in-memory TraceInput (linking the evidence to the baseline from
                  test names and upload-named ids, 50,000 verdicts with reasons, criteria judged on their metrics, derived
                  drops, test tallies, decomposition roll-up, gate) in the benchmark's JVM after %d warm-up runs: what a
                  running server pays per trace matrix; not the database read of the input.
                - baseline switch: the same compute on the same evidence against a changed baseline (%s;
                  the test reports accepted under the previous baseline, so changed requirements are suspect): links are
                  not stored, so a switch costs exactly this. Linking alone: new EvidenceLinks(baseline, evidence).
                - cold compute: the same call once in a fresh JVM, while the interpreter and JIT compilers are still at work.
                - OFT link + trace: the time between the end of OFT's import and the start of its report, from its own log
                  (ms timestamps); its import: from its first log line to the end of reading the files.
                - process rows: a fresh JVM per tool with -Xmx%s, start to exit, median of %d rounds run alternately.
                  Tracegate's generates the input in memory (no files; the generator is benchmark code, not Tracegate) and
                  computes once; OFT reads %d Markdown files and %d tagged Java test files, links, traces, prints a summary.
                - peak RSS: the child's maximum resident set (heap, JIT, metaspace, ...), from the kernel; peak heap: the
                  largest Java heap occupancy in its GC log (before a collection or at exit, garbage included); live heap:
                  the largest heap left after a collection.
                - OFT checks links only (no outcomes, reviews, metrics, suspect links or waivers), so on the same data it
                  does less than Tracegate: a failed test still covers its requirement there."""
                .formatted(WARM_UP, BaselineSwitch.describe(), heap, rounds, 2 + (TraceDataSet.ML_REQUIREMENTS + 999) / 1000, TraceDataSet.TEST_FILES));
    }

    private static void verdict(String label, double ratio, boolean lessMemory) {
        System.out.printf("  %-50s %6.1fx   %s%n", label, ratio, ratio >= 10 && lessMemory ? "goal met" : "goal NOT met");
    }

    private static void row(String label, List<Cold> runs) {
        System.out.printf("%-68s %8.3f %12.0f %13.0f %13.0f%n", label, median(runs, Cold::seconds), median(runs, Cold::rssMb),
                median(runs, Cold::heapMb), median(runs, Cold::liveHeapMb));
    }

    private static String describe(Gate gate) {
        StringBuilder text = new StringBuilder(gate.green() ? "green" : "red");
        for (Verdict v : Verdict.values()) {
            text.append(", ").append(v).append(' ').append(gate.counts().get(v));
        }
        return text.toString();
    }

    private static double median(List<Cold> runs, ToDoubleFunction<Cold> figure) {
        return median(runs.stream().mapToDouble(figure).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long fileCount(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long treeSize(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
