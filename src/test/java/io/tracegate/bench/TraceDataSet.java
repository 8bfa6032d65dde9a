package io.tracegate.bench;

import io.tracegate.evidence.domain.EvidenceFacts;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestFact;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.evidence.domain.TraceInput;
import io.tracegate.evidence.domain.TracedRequirement;
import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated release for the trace benchmark, held once in a tool-neutral form so that Tracegate's
 * {@link TraceInput} and OpenFastTrace's Markdown and tagged test sources are written from the same
 * decomposition and the same test-to-requirement links.
 *
 * <p>Shape (fixed seed, so every run and both tools see the same release): 50 safety goals, 950
 * functional safety requirements (19 per goal), 49,000 ML requirements (51-52 per FSR, 2 % with a second
 * FSR as parent). 150,000 test results in 300 JUnit-like files of 500: every covered ML requirement has
 * 2-4 tests, the rest are FSR-level integration tests; 1 % of the ML requirements have nothing linked.
 * Outcomes: 97 % passed, 2 % failed, 0.5 % error, 0.5 % skipped. 85 % of the ML requirements carry 1-2
 * acceptance criteria judged on 20,000 KPI metrics in 50 evaluation reports (one per data set), 5
 * latency reports and 10,000 reference-release metrics for the {@code _drop_vs_reference} criteria;
 * about 3 % of the criteria are missed. A few evidence items are unreviewed or rejected, a few links
 * suspect, a few requirements waived, so every rule of the trace matrix is exercised.
 */
final class TraceDataSet {

    static final long SEED = 20_251_109L;
    static final int SAFETY_GOALS = 50;
    static final int FSRS = 950;
    static final int ML_REQUIREMENTS = 49_000;
    static final int REQUIREMENTS = SAFETY_GOALS + FSRS + ML_REQUIREMENTS;
    static final int TEST_FILES = 300;
    static final int TESTS_PER_FILE = 500;
    static final int TESTS = TEST_FILES * TESTS_PER_FILE;
    static final int DATA_SETS = 50;
    static final int CLASSES = 200;
    static final String[] TARGETS = {"orin", "xavier", "tda4", "s32g", "x86-sil"};
    /** The one evaluation report that awaits review. */
    static final int UNREVIEWED_KPI_SET = 7;

    static final long KPI_EVIDENCE = 1_000;
    static final long LATENCY_EVIDENCE = 2_000;

    enum Level { SAFETY_GOAL, FSR, ML }

    /** A criterion with the evidence item whose metrics judge it. */
    record Criterion(String text, long evidenceId) {
    }

    record Requirement(String id, String title, Level level, Asil asil, List<String> parents, List<Criterion> criteria) {
    }

    /** One test result; {@code file} is the JUnit file (evidence item 1..300) that reports it. */
    record Test(String name, String requirement, TestOutcome outcome, int file) {
    }

    final List<Requirement> requirements = new ArrayList<>(REQUIREMENTS);
    final List<Test> tests = new ArrayList<>(TESTS);
    /** Requirements with no test and no evidence link at all: NOT_COVERED here, a direct defect in OFT. */
    final Set<String> uncovered = new HashSet<>();
    final Set<String> suspectKpiLinks = new HashSet<>();
    final Set<String> waived = new HashSet<>();
    /** Measured values by data set and class, and p99 latency by target; the server benchmark writes them as files. */
    final BigDecimal[][] recall = new BigDecimal[DATA_SETS][CLASSES];
    final BigDecimal[][] precision = new BigDecimal[DATA_SETS][CLASSES];
    final BigDecimal[][] referenceRecall = new BigDecimal[DATA_SETS][CLASSES];
    final BigDecimal[] latency = new BigDecimal[TARGETS.length];

    private TraceDataSet() {
    }

    static TraceDataSet generate() {
        TraceDataSet data = new TraceDataSet();
        data.build(new SplittableRandom(SEED));
        return data;
    }

    static String safetyGoal(int i) {
        return padded("SG-", i + 1, 2);
    }

    static String fsr(int i) {
        return padded("FSR-", i + 1, 4);
    }

    static String ml(int i) {
        return padded("MLR-", i + 1, 5);
    }

    static String suite(int file) {
        return padded("Suite", file, 3) + "Test";
    }

    /** {@code prefix} and {@code n} zero-padded: String.format, 400,000 times in a cold JVM, took seconds. */
    private static String padded(String prefix, int n, int width) {
        String digits = Integer.toString(n);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private void build(SplittableRandom random) {
        for (int d = 0; d < DATA_SETS; d++) {
            for (int c = 0; c < CLASSES; c++) {
                recall[d][c] = thousandths(900 + random.nextInt(100));
                precision[d][c] = thousandths(900 + random.nextInt(100));
                // The reference (FP32) release is a little better: a drop of 0-1.2 percentage points.
                referenceRecall[d][c] = recall[d][c].add(thousandths(random.nextInt(13)));
            }
        }
        for (int t = 0; t < TARGETS.length; t++) {
            latency[t] = BigDecimal.valueOf(180 + random.nextInt(100), 1);
        }

        Asil[] goalAsil = {Asil.D, Asil.C, Asil.B};
        for (int i = 0; i < SAFETY_GOALS; i++) {
            requirements.add(new Requirement(safetyGoal(i), "Safety goal " + (i + 1), Level.SAFETY_GOAL,
                    goalAsil[i % goalAsil.length], List.of(), List.of()));
        }
        for (int i = 0; i < FSRS; i++) {
            Requirement goal = requirements.get(i % SAFETY_GOALS);
            requirements.add(new Requirement(fsr(i), "Functional safety requirement " + (i + 1), Level.FSR,
                    goal.asil(), List.of(goal.id()), List.of()));
        }
        // First pass: which FSR owns each ML requirement, and how many tests each covered one gets.
        int[] mlTests = new int[ML_REQUIREMENTS];
        int mlTestTotal = 0;
        for (int i = 0; i < ML_REQUIREMENTS; i++) {
            String id = ml(i);
            List<String> parents = new ArrayList<>(List.of(fsr(primaryFsr(i))));
            if (random.nextInt(100) < 2) {
                String second = fsr(random.nextInt(FSRS));
                if (!parents.contains(second)) {
                    parents.add(second);
                }
            }
            if (random.nextInt(100) == 0) {
                uncovered.add(id);
            } else {
                mlTests[i] = Math.min(2 + random.nextInt(3), TESTS - mlTestTotal);
                mlTestTotal += mlTests[i];
            }
            requirements.add(new Requirement(id, "ML requirement " + (i + 1), Level.ML, mlAsil(random), parents,
                    criteria(random)));
            if (!uncovered.contains(id) && random.nextInt(200) == 0) {
                suspectKpiLinks.add(id);
            }
        }
        for (int n = 0; n < 25; n++) {
            waived.add(ml(random.nextInt(ML_REQUIREMENTS)));
        }
        // Second pass: tests in file order, each FSR's ML tests followed by its own integration tests, so that a
        // requirement's tests sit in one file (or straddle two), as they do in a real suite.
        int leftover = TESTS - mlTestTotal;
        int ml = 0;
        for (int f = 0; f < FSRS; f++) {
            for (; ml < ML_REQUIREMENTS && primaryFsr(ml) == f; ml++) {
                String id = ml(ml);
                for (int k = 1; k <= mlTests[ml]; k++) {
                    addTest("verifies_" + id.replace('-', '_') + "_" + k, id, random);
                }
            }
            String id = fsr(f);
            int own = leftover / FSRS + (f < leftover % FSRS ? 1 : 0);
            for (int k = 1; k <= own; k++) {
                addTest("integrates_" + id.replace('-', '_') + "_" + k, id, random);
            }
        }
        if (tests.size() != TESTS) {
            throw new IllegalStateException("generated " + tests.size() + " tests, expected " + TESTS);
        }
    }

    private static int primaryFsr(int ml) {
        return (int) ((long) ml * FSRS / ML_REQUIREMENTS);
    }

    private void addTest(String name, String requirement, SplittableRandom random) {
        int roll = random.nextInt(1000);
        TestOutcome outcome = roll < 970 ? TestOutcome.PASSED : roll < 990 ? TestOutcome.FAILED
                : roll < 995 ? TestOutcome.ERROR : TestOutcome.SKIPPED;
        int file = tests.size() / TESTS_PER_FILE + 1;
        tests.add(new Test(suite(file) + "." + name, requirement, outcome, file));
    }

    private static Asil mlAsil(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 70 ? Asil.B : roll < 90 ? Asil.A : roll < 95 ? Asil.QM : Asil.C;
    }

    /** 15 % none, 55 % one, 30 % two; each met by its measurement 97 % of the time. */
    private List<Criterion> criteria(SplittableRandom random) {
        int roll = random.nextInt(100);
        int count = roll < 15 ? 0 : roll < 70 ? 1 : 2;
        List<Criterion> result = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int set = random.nextInt(DATA_SETS);
            int cls = random.nextInt(CLASSES);
            boolean met = random.nextInt(100) >= 3;
            String scope = "[class=cls-" + cls + ", set=set-" + set + "]";
            int kind = random.nextInt(100);
            if (kind < 60) {
                result.add(new Criterion("recall" + scope + " >= " + lowerBound(recall[set][cls], met, random),
                        KPI_EVIDENCE + set));
            } else if (kind < 85) {
                result.add(new Criterion("precision" + scope + " >= " + lowerBound(precision[set][cls], met, random),
                        KPI_EVIDENCE + set));
            } else if (kind < 95) {
                BigDecimal drop = referenceRecall[set][cls].subtract(recall[set][cls]).movePointRight(2);
                BigDecimal limit = met ? drop.add(BigDecimal.valueOf(2, 1)) : drop.subtract(BigDecimal.valueOf(1, 1));
                result.add(new Criterion("recall_drop_vs_reference" + scope + " <= " + limit.toPlainString() + " pp",
                        KPI_EVIDENCE + set));
            } else {
                int target = random.nextInt(TARGETS.length);
                BigDecimal limit = met ? latency[target].add(BigDecimal.valueOf(2)) : latency[target].subtract(BigDecimal.ONE);
                result.add(new Criterion("latency.p99_ms[target=" + TARGETS[target] + "] <= " + limit.toPlainString() + " ms",
                        LATENCY_EVIDENCE + target));
            }
        }
        return result;
    }

    private static String lowerBound(BigDecimal measured, boolean met, SplittableRandom random) {
        return (met ? measured.subtract(thousandths(random.nextInt(20))) : measured.add(thousandths(5))).toPlainString();
    }

    private static BigDecimal thousandths(int n) {
        return BigDecimal.valueOf(n, 3);
    }

    // ---- Tracegate -------------------------------------------------------------------------------------

    /**
     * The release as {@code ReleaseTrace} hands it to the trace matrix, which links it itself: tests name their
     * requirement in their name ({@code verifies_MLR_00001_1}), evaluation reports are linked through the ids named
     * at upload. The evaluation reports were accepted under an earlier baseline ({@link #EARLIER_BASELINE}) in which
     * the requirements of {@link #suspectKpiLinks} read differently: for those they are suspect.
     */
    TraceInput toTraceInput() {
        Map<String, RequirementId> ids = new HashMap<>(REQUIREMENTS * 2);
        List<TracedRequirement> traced = new ArrayList<>(REQUIREMENTS);
        for (Requirement r : requirements) {
            ids.put(r.id(), new RequirementId(r.id()));
        }
        Map<Long, Set<String>> named = namedAtUpload();
        Map<RequirementId, String> earlier = new HashMap<>(REQUIREMENTS * 2);
        for (Requirement r : requirements) {
            RequirementId id = ids.get(r.id());
            String fingerprint = "fp-" + r.id();
            traced.add(new TracedRequirement(id, r.title(), r.asil(), r.parents().stream().map(ids::get).toList(),
                    r.criteria().stream().map(c -> AcceptanceCriterion.parse(c.text())).toList(), "HIL", fingerprint));
            earlier.put(id, suspectKpiLinks.contains(r.id()) ? "fp-before-" + r.id() : fingerprint);
        }

        List<EvidenceFacts> evidence = new ArrayList<>();
        List<TestFact> facts = new ArrayList<>(TESTS_PER_FILE);
        for (Test t : tests) {
            String suite = suite(t.file());
            facts.add(new TestFact(suite, t.name().substring(suite.length() + 1), t.outcome(),
                    t.outcome() == TestOutcome.PASSED ? null : "expected true but was false", Set.of()));
            if (facts.size() == TESTS_PER_FILE) {
                ReviewState review = testFileReview(t.file());
                evidence.add(new EvidenceFacts(t.file(), "TEST-" + suite + ".xml", review,
                        review == ReviewState.UNREVIEWED ? null : CURRENT_BASELINE, true, Set.of(), List.of(), facts));
                facts.clear();
            }
        }
        for (int d = 0; d < DATA_SETS; d++) {
            List<Metric> metrics = new ArrayList<>(2 * CLASSES);
            for (int c = 0; c < CLASSES; c++) {
                Map<String, String> scope = Map.of("class", "cls-" + c, "set", "set-" + d);
                metrics.add(Metric.of("recall", recall[d][c], null, scope));
                metrics.add(Metric.of("precision", precision[d][c], null, scope));
            }
            long id = KPI_EVIDENCE + d;
            // One evaluation report awaits review: its values cannot pass the ASIL B+ requirements yet.
            boolean unreviewed = d == UNREVIEWED_KPI_SET;
            evidence.add(new EvidenceFacts(id, "kpi-set-" + d + ".json", unreviewed ? ReviewState.UNREVIEWED : ReviewState.ACCEPTED,
                    unreviewed ? null : EARLIER_BASELINE, false, named.getOrDefault(id, Set.of()), metrics, List.of()));
        }
        for (int t = 0; t < TARGETS.length; t++) {
            long id = LATENCY_EVIDENCE + t;
            evidence.add(new EvidenceFacts(id, "latency-" + TARGETS[t] + ".json", ReviewState.ACCEPTED, CURRENT_BASELINE,
                    false, named.getOrDefault(id, Set.of()),
                    List.of(Metric.of("latency.p99_ms", latency[t], "ms", Map.of("target", TARGETS[t]))), List.of()));
        }
        List<Metric> reference = new ArrayList<>(DATA_SETS * CLASSES);
        for (int d = 0; d < DATA_SETS; d++) {
            for (int c = 0; c < CLASSES; c++) {
                reference.add(Metric.of("recall", referenceRecall[d][c], null, Map.of("class", "cls-" + c, "set", "set-" + d)));
            }
        }
        Set<RequirementId> waivers = new HashSet<>();
        waived.forEach(w -> waivers.add(ids.get(w)));
        return new TraceInput(CURRENT_BASELINE, traced, evidence, reference, Map.of(EARLIER_BASELINE, earlier), waivers,
                List.of(), Set.of());
    }

    /** For each KPI and latency report, the requirements its upload names: those with a criterion it judges. */
    Map<Long, Set<String>> namedAtUpload() {
        Map<Long, Set<String>> named = new HashMap<>();
        for (Requirement r : requirements) {
            if (!uncovered.contains(r.id())) {
                for (Criterion c : r.criteria()) {
                    named.computeIfAbsent(c.evidenceId(), k -> new java.util.TreeSet<>()).add(r.id());
                }
            }
        }
        return named;
    }

    /** The baseline the release has now, and the one the evaluation reports were accepted under. */
    static final long CURRENT_BASELINE = 2;
    static final long EARLIER_BASELINE = 1;

    /** Five test files await review and one was rejected; the rest are accepted. */
    static ReviewState testFileReview(int file) {
        return file == 150 ? ReviewState.REJECTED : file % 60 == 17 ? ReviewState.UNREVIEWED : ReviewState.ACCEPTED;
    }

    // ---- OpenFastTrace ---------------------------------------------------------------------------------

    /** OFT artifact types: safety goal = feat, FSR = req, ML requirement = dsn; tests are utest / itest tags. */
    static String oftId(Requirement r) {
        String type = switch (r.level()) {
            case SAFETY_GOAL -> "feat";
            case FSR -> "req";
            case ML -> "dsn";
        };
        return type + "~" + r.id().toLowerCase() + "~1";
    }

    /**
     * Writes the same release as OFT reads it: Markdown specification items ({@code Covers} the parents,
     * {@code Needs} the child type and the test type where tests exist) and one Java test class per JUnit
     * file, a coverage tag above each test method. OFT has no notion of outcomes, reviews, metrics or waivers:
     * every test tags its requirement and the criteria are description text.
     */
    void writeOft(Path specDir, Path testDir) throws IOException {
        Map<String, Requirement> byId = new HashMap<>(REQUIREMENTS * 2);
        requirements.forEach(r -> byId.put(r.id(), r));
        Files.createDirectories(specDir);
        Files.createDirectories(testDir);
        try (BufferedWriter out = Files.newBufferedWriter(specDir.resolve("safety-goals.md"))) {
            out.write("# Safety goals\n\n");
            for (Requirement r : requirements.subList(0, SAFETY_GOALS)) {
                writeItem(out, r, byId, "Needs: req");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(specDir.resolve("functional-safety-requirements.md"))) {
            out.write("# Functional safety requirements\n\n");
            for (Requirement r : requirements.subList(SAFETY_GOALS, SAFETY_GOALS + FSRS)) {
                writeItem(out, r, byId, "Needs: dsn, itest");
            }
        }
        int perFile = 1_000;
        for (int from = SAFETY_GOALS + FSRS; from < REQUIREMENTS; from += perFile) {
            Path file = specDir.resolve("ml-requirements-%02d.md".formatted((from - SAFETY_GOALS - FSRS) / perFile + 1));
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                out.write("# ML requirements\n\n");
                for (Requirement r : requirements.subList(from, Math.min(from + perFile, REQUIREMENTS))) {
                    writeItem(out, r, byId, "Needs: utest");
                }
            }
        }
        for (int f = 0; f < TEST_FILES; f++) {
            String suite = suite(f + 1);
            try (BufferedWriter out = Files.newBufferedWriter(testDir.resolve(suite + ".java"))) {
                out.write("package bench;\n\nclass " + suite + " {\n");
                for (Test t : tests.subList(f * TESTS_PER_FILE, (f + 1) * TESTS_PER_FILE)) {
                    Requirement r = byId.get(t.requirement());
                    out.write("\n    // [" + (r.level() == Level.ML ? "utest" : "itest") + "->" + oftId(r) + "]\n");
                    out.write("    @Test\n    void " + t.name().substring(suite.length() + 1) + "() {\n    }\n");
                }
                out.write("}\n");
            }
        }
    }

    private static void writeItem(BufferedWriter out, Requirement r, Map<String, Requirement> byId, String needs)
            throws IOException {
        out.write("### " + r.title() + "\n`" + oftId(r) + "`\n\n");
        out.write(r.asil() == Asil.QM ? "QM." : "ASIL " + r.asil() + ".");
        if (!r.criteria().isEmpty()) {
            out.write(" Acceptance criteria: ");
            out.write(String.join("; ", r.criteria().stream().map(Criterion::text).toList()));
        }
        out.write("\n\n");
        if (!r.parents().isEmpty()) {
            out.write("Covers:\n");
            for (String parent : r.parents()) {
                out.write("- " + oftId(byId.get(parent)) + "\n");
            }
            out.write("\n");
        }
        out.write(needs + "\n\n");
    }

    /**
     * What OFT must report if it traced this release: every requirement and test is an item; an uncovered ML
     * requirement is a direct defect; every FSR and safety goal above one is a transitive defect.
     */
    record OftExpectation(int items, int direct, int transitive) {
    }

    OftExpectation oftExpectation() {
        Set<String> broken = new HashSet<>();
        for (Requirement r : requirements) {
            if (uncovered.contains(r.id())) {
                broken.addAll(r.parents());
            }
        }
        Set<String> goals = new HashSet<>();
        for (Requirement r : requirements) {
            if (broken.contains(r.id())) {
                goals.addAll(r.parents());
            }
        }
        return new OftExpectation(REQUIREMENTS + TESTS, uncovered.size(), broken.size() + goals.size());
    }
}
