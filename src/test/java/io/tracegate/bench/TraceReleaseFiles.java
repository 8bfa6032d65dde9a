package io.tracegate.bench;

import io.tracegate.bench.TraceDataSet.Requirement;
import io.tracegate.bench.TraceDataSet.Test;
import io.tracegate.evidence.domain.TestOutcome;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The trace benchmark's release as a user gives it to Tracegate: requirement files as requirements/FORMAT.md describes
 * them, 300 JUnit XML reports, the KPI JSON evaluation and latency reports and the reference release's KPIs.
 */
final class TraceReleaseFiles {

    /** Tracegate's limit on the requirements one upload names. */
    static final int NAMED_PER_UPLOAD = 500;
    private static final int KPI_PARTS = 4;
    private static final Pattern CLASS = Pattern.compile("class=cls-(\\d+)");

    private TraceReleaseFiles() {
    }

    /**
     * Writes every requirement file under {@code repo/requirements}; those in {@code earlier} as they read before
     * (another title, so another fingerprint). ML requirements without criteria are written as technical safety
     * requirements: the format requires criteria of ML kinds, and the kind does not enter the trace matrix.
     */
    static void writeRequirements(TraceDataSet data, Path repo, Set<String> earlier) throws IOException {
        for (Requirement r : data.requirements) {
            Path file = repo.resolve("requirements/" + areaOf(r) + "/" + r.id() + ".md");
            Files.createDirectories(file.getParent());
            String kind = switch (r.level()) {
                case SAFETY_GOAL -> "safety-goal";
                case FSR -> "functional-safety-requirement";
                case ML -> r.criteria().isEmpty() ? "technical-safety-requirement" : "ml-performance";
            };
            String criteria = r.criteria().stream().map(c -> "\"" + c.text() + "\"").collect(Collectors.joining(", "));
            Files.writeString(file, """
                    ---
                    id: %s
                    title: %s
                    asil: %s
                    kind: %s
                    parents: [%s]
                    verification: {method: HIL, level: ml-model}
                    criteria: [%s]
                    ---
                    Generated for the trace benchmark.
                    """.formatted(r.id(), earlier.contains(r.id()) ? r.title() + " (draft)" : r.title(), r.asil(), kind,
                    String.join(", ", r.parents()), criteria));
        }
    }

    /** The files of the requirements whose earlier version differs, for the commit that revises them. */
    static List<Path> pathsOf(TraceDataSet data, Path repo, Set<String> ids) {
        List<Path> paths = new ArrayList<>();
        for (Requirement r : data.requirements) {
            if (ids.contains(r.id())) {
                paths.add(repo.resolve("requirements/" + areaOf(r) + "/" + r.id() + ".md"));
            }
        }
        return paths;
    }

    private static String areaOf(Requirement r) {
        return switch (r.level()) {
            case SAFETY_GOAL -> "safety-goals";
            case FSR -> "system";
            case ML -> "perception-" + r.id().substring(4, 6);
        };
    }

    /** JUnit XML file {@code file} (1-based) as Surefire writes it: one testsuite, a testcase per test. */
    static void writeJunit(TraceDataSet data, int file, Path path) throws IOException {
        String suite = TraceDataSet.suite(file);
        List<Test> tests = data.tests.subList((file - 1) * TraceDataSet.TESTS_PER_FILE, file * TraceDataSet.TESTS_PER_FILE);
        try (BufferedWriter out = Files.newBufferedWriter(path)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + suite + "\" tests=\""
                    + tests.size() + "\">\n");
            for (Test t : tests) {
                out.write("  <testcase classname=\"" + suite + "\" name=\"" + t.name().substring(suite.length() + 1)
                        + "\" time=\"0.01\"");
                TestOutcome outcome = t.outcome();
                switch (outcome) {
                    case PASSED -> out.write("/>\n");
                    case FAILED -> out.write("><failure message=\"expected true but was false\"/></testcase>\n");
                    case ERROR -> out.write("><error message=\"expected true but was false\"/></testcase>\n");
                    default -> out.write("><skipped/></testcase>\n");
                }
            }
            out.write("</testsuite>\n");
        }
    }

    /**
     * Writes the evaluation and latency reports and returns, for each file name, the requirements its upload names.
     * An upload may name at most {@value #NAMED_PER_UPLOAD} requirements, and the in-process data set's reports are
     * named by up to ~1,200 (an evaluation report) and ~600 (a latency report): each evaluation report is written as
     * {@value #KPI_PARTS} files of a quarter of the classes each (the same 20,000 metrics in all, each requirement
     * named by the file with its class), each latency report as two identical files (one metric) that share the
     * requirements. The trace matrix is the same; there are 210 of these items instead of 55.
     */
    static Map<String, Set<String>> writeReports(TraceDataSet data, Path dir) throws IOException {
        Map<String, Set<String>> named = new TreeMap<>();
        for (Requirement r : data.requirements) {
            if (data.uncovered.contains(r.id())) {
                continue;
            }
            for (TraceDataSet.Criterion c : r.criteria()) {
                long set = c.evidenceId() - TraceDataSet.KPI_EVIDENCE;
                if (set >= 0 && set < TraceDataSet.DATA_SETS) {
                    Matcher cls = CLASS.matcher(c.text());
                    if (!cls.find()) {
                        throw new IllegalStateException("no class in " + c.text());
                    }
                    int part = Integer.parseInt(cls.group(1)) * KPI_PARTS / TraceDataSet.CLASSES;
                    named.computeIfAbsent(kpiFile((int) set, part), k -> new TreeSet<>()).add(r.id());
                }
            }
        }
        for (int set = 0; set < TraceDataSet.DATA_SETS; set++) {
            for (int part = 0; part < KPI_PARTS; part++) {
                named.putIfAbsent(kpiFile(set, part), new TreeSet<>());
                writeKpis(data, set, part * TraceDataSet.CLASSES / KPI_PARTS, (part + 1) * TraceDataSet.CLASSES / KPI_PARTS,
                        dir.resolve(kpiFile(set, part)));
            }
        }
        Map<Long, Set<String>> byReport = data.namedAtUpload();
        for (int t = 0; t < TraceDataSet.TARGETS.length; t++) {
            List<String> ids = new ArrayList<>(byReport.getOrDefault(TraceDataSet.LATENCY_EVIDENCE + t, Set.of()));
            for (int half = 0; half < 2; half++) {
                String name = "latency-" + TraceDataSet.TARGETS[t] + "-" + (half + 1) + ".json";
                named.put(name, new TreeSet<>(ids.subList(half * ids.size() / 2, (half + 1) * ids.size() / 2)));
                // A blank line more in the second: another SHA-256, so it is another item, not a repeated upload.
                Files.writeString(dir.resolve(name), "[{\"metric\": \"latency.p99_ms\", \"value\": "
                        + data.latency[t].toPlainString() + ", \"unit\": \"ms\", \"scope\": {\"target\": \""
                        + TraceDataSet.TARGETS[t] + "\"}}]\n" + "\n".repeat(half));
            }
        }
        named.forEach((file, ids) -> {
            if (ids.size() > NAMED_PER_UPLOAD) {
                throw new IllegalStateException(file + " would name " + ids.size() + " requirements");
            }
        });
        return named;
    }

    /** Whether a report written by {@link #writeReports} is the evaluation report that awaits review. */
    static boolean unreviewed(String file) {
        return file.startsWith("kpi-set-" + TraceDataSet.UNREVIEWED_KPI_SET + "-");
    }

    private static String kpiFile(int set, int part) {
        return "kpi-set-" + set + "-part-" + (part + 1) + ".json";
    }

    /** Evaluation report of data set {@code set}: recall and precision per class, for classes [from, to). */
    private static void writeKpis(TraceDataSet data, int set, int from, int to, Path path) throws IOException {
        StringBuilder json = new StringBuilder("{\"scope\": {\"set\": \"set-" + set + "\"}, \"metrics\": [\n");
        for (int c = from; c < to; c++) {
            json.append(c == from ? "" : ",\n").append(metric("recall", data.recall[set][c].toPlainString(), "cls-" + c))
                    .append(",\n").append(metric("precision", data.precision[set][c].toPlainString(), "cls-" + c));
        }
        Files.writeString(path, json.append("]}\n"));
    }

    /** The reference (FP32) release's recall for every data set and class. */
    static void writeReference(TraceDataSet data, Path path) throws IOException {
        StringBuilder json = new StringBuilder("[\n");
        for (int set = 0; set < TraceDataSet.DATA_SETS; set++) {
            for (int c = 0; c < TraceDataSet.CLASSES; c++) {
                json.append(set + c == 0 ? "" : ",\n").append("{\"metric\": \"recall\", \"value\": ")
                        .append(data.referenceRecall[set][c].toPlainString()).append(", \"scope\": {\"class\": \"cls-")
                        .append(c).append("\", \"set\": \"set-").append(set).append("\"}}");
            }
        }
        Files.writeString(path, json.append("]\n"));
    }

    private static String metric(String name, String value, String cls) {
        return "{\"metric\": \"" + name + "\", \"value\": " + value + ", \"scope\": {\"class\": \"" + cls + "\"}}";
    }
}
