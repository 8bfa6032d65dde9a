package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trace matrix of a release: for every requirement of its baseline, a verdict computed from the
 * linked evidence, and the gate over all of them. The rules, in the order they apply:
 * <ol>
 * <li>Only evidence <em>linked</em> to a requirement counts for it. Rejected evidence never counts;
 *     evidence behind a suspect link is set aside until it is reviewed again.</li>
 * <li>A criterion is judged on every metric of that evidence with the criterion's name and a scope that
 *     contains the criterion's scope. One failing value fails it (a failing value from unreviewed evidence
 *     too: doubt counts against the release); no value leaves it NOT_COVERED. A
 *     {@code <m>_drop_vs_reference} criterion without a direct measurement is derived from {@code <m>} in
 *     this release and the reference release (same scope), in percentage points for ratios.</li>
 * <li>For ASIL B and above, only ACCEPTED evidence can make a criterion pass; for QM and A, unreviewed
 *     evidence can too. A criterion met only by values that may not count stays NOT_COVERED.</li>
 * <li>Linked test cases: any failure or error fails the requirement. A requirement without criteria and
 *     without tests is verified by the review of its linked evidence (ACCEPTED).</li>
 * <li>A parent is no better than its worst child (WAIVED counts as passed); a requirement with neither
 *     own verification nor children is NOT_COVERED, or SUSPECT when only suspect links remain.</li>
 * <li>A waived requirement that is not PASSED is WAIVED.</li>
 * </ol>
 */
public final class TraceMatrix {

    private static final String DROP_SUFFIX = "_drop_vs_reference";

    private final List<TraceRow> rows;
    private final Gate gate;

    private TraceMatrix(List<TraceRow> rows, Gate gate) {
        this.rows = rows;
        this.gate = gate;
    }

    public List<TraceRow> rows() {
        return rows;
    }

    public Gate gate() {
        return gate;
    }

    public Optional<TraceRow> row(RequirementId id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public static TraceMatrix compute(TraceInput input) {
        return new Computation(input).run();
    }

    /** One computation; holds the indexes it builds over the input. */
    private static final class Computation {
        private final TraceInput input;
        private final Map<Long, EvidenceFacts> evidenceById = new HashMap<>();
        private final Map<RequirementId, TracedRequirement> byId = new HashMap<>();
        private final Map<RequirementId, List<RequirementId>> children = new HashMap<>();
        /**
         * Reference metrics by name, then by exact scope: a derived drop pairs each value with the reference of the
         * same scope, and scanning every reference value for each (10,000s per release) dominated the matrix.
         */
        private final Map<String, Map<Map<String, String>, List<Metric>>> referenceByNameAndScope = new HashMap<>();
        private final Map<RequirementId, TraceRow> done = new HashMap<>();
        private final Map<Long, Map<RequirementId, List<TestFact>>> testsByRequirement = new HashMap<>();
        private final Map<Long, MetricIndex> metricsOf = new HashMap<>();

        Computation(TraceInput input) {
            this.input = input;
            input.evidence().forEach(e -> evidenceById.put(e.id(), e));
            for (TracedRequirement r : input.requirements()) {
                byId.put(r.id(), r);
                for (RequirementId parent : r.parents()) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(r.id());
                }
            }
            input.referenceMetrics().forEach(m -> referenceByNameAndScope.computeIfAbsent(m.name(), n -> new HashMap<>())
                    .computeIfAbsent(m.scope(), scope -> new ArrayList<>()).add(m));
        }

        TraceMatrix run() {
            for (TracedRequirement r : input.requirements()) {
                resolve(r.id());
            }
            List<TraceRow> rows = input.requirements().stream().map(r -> done.get(r.id())).toList();
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0);
            }
            rows.forEach(row -> counts.merge(row.verdict(), 1, Integer::sum));
            List<RequirementId> blocking = rows.stream().filter(row -> !row.verdict().isGreen())
                    .sorted(java.util.Comparator.comparingInt((TraceRow row) -> -row.verdict().severity())
                            .thenComparing(TraceRow::id))
                    .limit(Gate.SHOWN).map(TraceRow::id).toList();
            boolean green = !rows.isEmpty() && rows.stream().allMatch(row -> row.verdict().isGreen());
            return new TraceMatrix(Collections.unmodifiableList(rows), new Gate(green, counts, blocking));
        }

        /** Children before parents, without recursion (decompositions can be deep). */
        private void resolve(RequirementId start) {
            Deque<RequirementId> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                RequirementId id = stack.peek();
                if (done.containsKey(id)) {
                    stack.pop();
                    continue;
                }
                boolean ready = true;
                for (RequirementId child : children.getOrDefault(id, List.of())) {
                    if (!done.containsKey(child)) {
                        stack.push(child);
                        ready = false;
                    }
                }
                if (ready) {
                    stack.pop();
                    done.put(id, evaluate(byId.get(id)));
                }
            }
        }

        private TraceRow evaluate(TracedRequirement r) {
            List<LinkState> links = input.links().getOrDefault(r.id(), List.of());
            List<EvidenceFacts> considered = new ArrayList<>();
            List<Long> suspect = new ArrayList<>();
            for (LinkState link : links) {
                EvidenceFacts e = evidenceById.get(link.evidenceId());
                if (e == null || e.review() == ReviewState.REJECTED) {
                    continue;
                }
                if (link.suspect()) {
                    suspect.add(e.id());
                } else {
                    considered.add(e);
                }
            }
            boolean reviewNeeded = r.asil().atLeast(Asil.B);
            List<CriterionResult> criteria = r.criteria().stream()
                    .map(c -> judge(c, considered, reviewNeeded)).toList();
            TestTally tests = tally(r.id(), considered);

            Verdict own = null;
            String reason;
            if (!criteria.isEmpty() || tests.ran() > 0) {
                own = Verdict.PASSED;
                for (CriterionResult c : criteria) {
                    own = own.worse(c.verdict());
                }
                if (tests.failed() + tests.errors() > 0) {
                    own = Verdict.FAILED;
                } else if (criteria.isEmpty() && reviewNeeded && !testsCount(r.id(), considered)) {
                    own = Verdict.NOT_COVERED;
                }
                reason = ownReason(own, criteria, tests, reviewNeeded);
            } else if (!considered.isEmpty()) {
                boolean accepted = considered.stream().anyMatch(e -> e.review() == ReviewState.ACCEPTED);
                own = accepted ? Verdict.PASSED : Verdict.NOT_COVERED;
                reason = accepted ? "verified by reviewed evidence" : "linked evidence awaits review";
            } else {
                reason = null;
            }

            List<RequirementId> kids = children.getOrDefault(r.id(), List.of()).stream().sorted().toList();
            Verdict verdict = own;
            RequirementId worstChild = null;
            for (RequirementId child : kids) {
                Verdict cv = done.get(child).verdict() == Verdict.WAIVED ? Verdict.PASSED : done.get(child).verdict();
                if (verdict == null || cv.severity() > verdict.severity()) {
                    worstChild = child;
                    verdict = cv;
                }
            }
            if (verdict == null) {
                verdict = Verdict.NOT_COVERED;
                reason = "no evidence linked";
            } else if (worstChild != null && verdict != Verdict.PASSED) {
                reason = (reason == null ? "" : reason + "; ") + "child " + worstChild + " is " + done.get(worstChild).verdict();
            } else if (reason == null) {
                reason = "all " + kids.size() + " children passed";
            }
            if (!suspect.isEmpty() && (verdict == Verdict.NOT_COVERED)) {
                verdict = Verdict.SUSPECT;
                reason = "only suspect evidence: the requirement changed since it was linked; review again or re-verify";
            }
            if (!verdict.isGreen() && input.waived().contains(r.id())) {
                reason = "waived (was " + verdict + ": " + reason + ")";
                verdict = Verdict.WAIVED;
            }
            return new TraceRow(r.id(), r.title(), r.asil(), r.parents(), kids, verdict, reason, criteria, tests,
                    considered.stream().map(EvidenceFacts::id).sorted().toList(), suspect.stream().sorted().toList());
        }

        private static String ownReason(Verdict own, List<CriterionResult> criteria, TestTally tests, boolean reviewNeeded) {
            if (tests.failed() + tests.errors() > 0) {
                return (tests.failed() + tests.errors()) + " linked test(s) failed";
            }
            for (CriterionResult c : criteria) {
                if (c.verdict() == Verdict.FAILED) {
                    return "criterion not met: " + c.criterion();
                }
            }
            for (CriterionResult c : criteria) {
                if (c.verdict() == Verdict.NOT_COVERED) {
                    boolean awaiting = !c.measurements().isEmpty();
                    return awaiting ? "criterion met only by unreviewed evidence (ASIL B+ needs accepted evidence): "
                            + c.criterion() : "no measurement for criterion: " + c.criterion();
                }
            }
            if (own == Verdict.NOT_COVERED && reviewNeeded) {
                return "linked tests passed but their evidence awaits review (ASIL B+ needs accepted evidence)";
            }
            return criteria.isEmpty() ? tests.passed() + " linked test(s) passed" : "all " + criteria.size() + " criteria met";
        }

        private CriterionResult judge(AcceptanceCriterion c, List<EvidenceFacts> considered, boolean reviewNeeded) {
            List<Measurement> values = new ArrayList<>();
            for (EvidenceFacts e : considered) {
                boolean counts = !reviewNeeded || e.review() == ReviewState.ACCEPTED;
                for (Metric m : candidates(e, c.metric(), c.scope())) {
                    if (m.covers(c.scope())) {
                        values.add(new Measurement(e.id(), m.toString(), m.value(), c.isMetBy(m.value()), false, counts));
                    }
                }
            }
            if (values.isEmpty() && c.metric().endsWith(DROP_SUFFIX)) {
                derivedDrops(c, considered, reviewNeeded, values);
            }
            Verdict verdict;
            if (values.isEmpty()) {
                verdict = Verdict.NOT_COVERED;
            } else if (values.stream().anyMatch(v -> !v.met())) {
                verdict = Verdict.FAILED;
            } else if (values.stream().anyMatch(Measurement::counts)) {
                verdict = Verdict.PASSED;
            } else {
                verdict = Verdict.NOT_COVERED;
            }
            return new CriterionResult(c.toString(), verdict, values);
        }

        /** {@code <m>_drop_vs_reference}: reference value minus this value, x100 for ratios (percentage points). */
        private void derivedDrops(AcceptanceCriterion c, List<EvidenceFacts> considered, boolean reviewNeeded,
                                  List<Measurement> values) {
            String base = c.metric().substring(0, c.metric().length() - DROP_SUFFIX.length());
            Map<Map<String, String>, List<Metric>> reference = referenceByNameAndScope.getOrDefault(base, Map.of());
            for (EvidenceFacts e : considered) {
                boolean counts = !reviewNeeded || e.review() == ReviewState.ACCEPTED;
                for (Metric m : candidates(e, base, c.scope())) {
                    if (!m.covers(c.scope())) {
                        continue;
                    }
                    for (Metric ref : reference.getOrDefault(m.scope(), List.of())) {
                        for (BigDecimal drop : m.dropFrom(ref).stream().toList()) {
                            String formula = c.metric() + m.scope().toString().replace('{', '[').replace('}', ']')
                                    + " = reference " + ref.value().toPlainString() + " - " + m.value().toPlainString()
                                    + (m.unit() == null ? " (x100, pp)" : " (" + m.unit() + ")");
                            values.add(new Measurement(e.id(), formula, drop, c.isMetBy(drop), true, counts));
                        }
                    }
                }
            }
        }

        private TestTally tally(RequirementId id, List<EvidenceFacts> considered) {
            int passed = 0;
            int failed = 0;
            int errors = 0;
            int skipped = 0;
            List<String> failing = new ArrayList<>();
            for (EvidenceFacts e : considered) {
                for (TestFact t : testsFor(e, id)) {
                    switch (t.outcome()) {
                        case PASSED -> passed++;
                        case SKIPPED -> skipped++;
                        case FAILED, ERROR -> {
                            if (t.outcome() == TestOutcome.FAILED) {
                                failed++;
                            } else {
                                errors++;
                            }
                            if (failing.size() < TestTally.NAMED) {
                                failing.add(t.name());
                            }
                        }
                    }
                }
            }
            return new TestTally(passed, failed, errors, skipped, failing);
        }

        /** Whether some passed linked test comes from evidence accepted in review. */
        private boolean testsCount(RequirementId id, List<EvidenceFacts> considered) {
            for (EvidenceFacts e : considered) {
                if (e.review() != ReviewState.ACCEPTED) {
                    continue;
                }
                for (TestFact t : testsFor(e, id)) {
                    if (t.outcome() == TestOutcome.PASSED) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The tests of {@code e} that count for a requirement: all when linked explicitly, else those naming it. */
        private List<TestFact> testsFor(EvidenceFacts e, RequirementId id) {
            if (e.explicit().contains(id)) {
                return e.tests();
            }
            return testsByRequirement.computeIfAbsent(e.id(), key -> {
                Map<RequirementId, List<TestFact>> index = new HashMap<>();
                for (TestFact t : e.tests()) {
                    for (RequirementId named : t.requirements()) {
                        index.computeIfAbsent(named, n -> new ArrayList<>()).add(t);
                    }
                }
                return index;
            }).getOrDefault(id, List.of());
        }

        /** The metrics of {@code e} named {@code name} that may contain {@code scope}; callers still check. */
        private List<Metric> candidates(EvidenceFacts e, String name, Map<String, String> scope) {
            return metricsOf.computeIfAbsent(e.id(), key -> new MetricIndex(e.metrics())).candidates(name, scope);
        }

        /**
         * One evidence item's metrics by name and, within a name, by each scope entry. An evaluation report holds a
         * value per class and data set: matching a criterion against every value of its metric made the matrix
         * quadratic, so only those sharing the criterion's most selective scope entry are looked at. Every list
         * keeps the item's order, so measurements come out in the same order as from a full scan.
         */
        private static final class MetricIndex {
            private final Map<String, List<Metric>> byName = new HashMap<>();
            private final Map<String, Map<String, Map<String, List<Metric>>>> byNameAndEntry = new HashMap<>();

            MetricIndex(List<Metric> metrics) {
                for (Metric m : metrics) {
                    byName.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m);
                    Map<String, Map<String, List<Metric>>> entries = byNameAndEntry.computeIfAbsent(m.name(), n -> new HashMap<>());
                    for (Map.Entry<String, String> entry : m.scope().entrySet()) {
                        entries.computeIfAbsent(entry.getKey(), k -> new HashMap<>())
                                .computeIfAbsent(entry.getValue(), v -> new ArrayList<>()).add(m);
                    }
                }
            }

            List<Metric> candidates(String name, Map<String, String> scope) {
                List<Metric> smallest = byName.getOrDefault(name, List.of());
                Map<String, Map<String, List<Metric>>> entries = byNameAndEntry.getOrDefault(name, Map.of());
                for (Map.Entry<String, String> wanted : scope.entrySet()) {
                    if (smallest.isEmpty()) {
                        break;
                    }
                    List<Metric> sharing = entries.getOrDefault(wanted.getKey(), Map.of())
                            .getOrDefault(wanted.getValue(), List.of());
                    if (sharing.size() < smallest.size()) {
                        smallest = sharing;
                    }
                }
                return smallest;
            }
        }
    }
}
