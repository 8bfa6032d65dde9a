package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trace matrix of a release: for every requirement of its baseline, a verdict, and the gate over all of
 * them. It is a pure function of the baseline, the evidence with its reviews, the waivers and the cross-check
 * findings ({@link TraceInput}): which evidence counts for which requirement is decided here
 * ({@link EvidenceLinks}), so any order of upload, baseline link and review gives the same matrix. The rules,
 * stated once (the README repeats them for users):
 * <ol>
 * <li><b>What counts.</b> Only evidence linked to the requirement counts for it. REJECTED evidence never counts.
 *     Evidence ACCEPTED in a review made against another version of the requirement (the release has moved to a
 *     baseline in which it changed, or did not exist) is suspect and set aside until accepted again.</li>
 * <li><b>Criteria.</b> A criterion is judged on every metric of that evidence with the criterion's name and a
 *     scope that contains the criterion's scope. One failing value fails it (a failing value from unreviewed
 *     evidence too: doubt counts against the release); no value leaves it NOT_COVERED. For ASIL B and above only
 *     values from ACCEPTED evidence can make it pass; for QM and A, unreviewed ones can too. A
 *     {@code <m>_drop_vs_reference} criterion without a direct measurement is derived from {@code <m>} in this
 *     release and the reference release (same scope), in percentage points for ratios.</li>
 * <li><b>Tests.</b> Only a PASSED test can support PASSED; for ASIL B and above only one from ACCEPTED
 *     evidence. Any FAILED or ERROR test fails the requirement, also when the same test passed in another file
 *     (both files are named). Skipped and flaky tests never support PASSED: when every linked test is skipped or
 *     flaky, the requirement is NOT_COVERED with their reasons, whatever else passed.</li>
 * <li><b>Documents.</b> Accepted evidence that is not a test report verifies a requirement only when its
 *     verification method is ANALYSIS, REVIEW or INSPECTION; for test methods (HIL, SIL, TEST, FLEET) and an
 *     unstated method it never does. A review's acceptance never turns a result that did not pass into a pass.</li>
 * <li><b>Own verdict.</b> The worst of what applies: criteria, tests, documents. With none of them it has no own
 *     verdict.</li>
 * <li><b>Decomposition.</b> A parent is no better than its worst child (WAIVED counts as passed). A requirement
 *     with neither own verdict nor children is NOT_COVERED, or SUSPECT when only suspect evidence is linked.</li>
 * <li><b>Waivers.</b> A waived requirement that is not PASSED is WAIVED.</li>
 * <li><b>Gate.</b> Green only when every requirement is PASSED or WAIVED and no cross-check finding of severity
 *     ERROR stands unwaived.</li>
 * </ol>
 */
public final class TraceMatrix {

    private final List<TraceRow> rows;
    private final Gate gate;
    private final List<String> warnings;
    private final int warningCount;

    private TraceMatrix(List<TraceRow> rows, Gate gate, List<String> warnings, int warningCount) {
        this.rows = rows;
        this.gate = gate;
        this.warnings = warnings;
        this.warningCount = warningCount;
    }

    public List<TraceRow> rows() {
        return rows;
    }

    public Gate gate() {
        return gate;
    }

    /** Ids named by evidence that are not in the baseline (at most {@link EvidenceLinks#WARNINGS_SHOWN}). */
    public List<String> warnings() {
        return warnings;
    }

    public int warningCount() {
        return warningCount;
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
        private final Map<RequirementId, TracedRequirement> byId = new HashMap<>();
        private final Map<RequirementId, List<RequirementId>> children = new HashMap<>();
        private final Map<RequirementId, TraceRow> done = new HashMap<>();
        private final EvidenceLinks links;
        private final RequirementVerification verification;

        Computation(TraceInput input) {
            this.input = input;
            for (TracedRequirement r : input.requirements()) {
                byId.put(r.id(), r);
                for (RequirementId parent : r.parents()) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(r.id());
                }
            }
            links = new EvidenceLinks(byId.keySet(), input.evidence());
            verification = new RequirementVerification(input.referenceMetrics());
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
                    .sorted(Comparator.comparingInt((TraceRow row) -> -row.verdict().severity())
                            .thenComparing(TraceRow::id))
                    .limit(Gate.SHOWN).map(TraceRow::id).toList();
            List<Finding> blockingFindings = input.findings().stream()
                    .filter(f -> f.severity() == Finding.Severity.ERROR && !input.waivedFindings().contains(f.code()))
                    .sorted(Comparator.comparing(Finding::code).thenComparing(Finding::message)).toList();
            boolean green = !rows.isEmpty() && rows.stream().allMatch(row -> row.verdict().isGreen())
                    && blockingFindings.isEmpty();
            return new TraceMatrix(Collections.unmodifiableList(rows),
                    new Gate(green, counts, blocking, blockingFindings), List.copyOf(links.warnings()),
                    links.warningCount());
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
            List<EvidenceLinks.Link> considered = new ArrayList<>();
            List<Long> suspect = new ArrayList<>();
            for (EvidenceLinks.Link link : links.of(r.id())) {
                EvidenceFacts e = link.evidence();
                if (e.review() == ReviewState.REJECTED) {
                    continue;
                }
                if (reviewedAgainstAnotherVersion(e, r)) {
                    suspect.add(e.id());
                } else {
                    considered.add(link);
                }
            }
            considered.sort(Comparator.comparingLong(l -> l.evidence().id()));
            RequirementVerification.Own own = verification.of(r, considered);

            List<RequirementId> kids = children.getOrDefault(r.id(), List.of()).stream().sorted().toList();
            Verdict verdict = own.verdict();
            String reason = own.reason();
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
                reason = reason != null ? reason : "no evidence linked";
            } else if (worstChild != null && verdict != Verdict.PASSED) {
                reason = (reason == null ? "" : reason + "; ") + "child " + worstChild + " is " + done.get(worstChild).verdict();
            } else if (reason == null) {
                reason = "all " + kids.size() + " children passed";
            }
            if (!suspect.isEmpty() && verdict == Verdict.NOT_COVERED) {
                verdict = Verdict.SUSPECT;
                reason = "only suspect evidence: it was accepted in review against another version of the requirement;"
                        + " review it again or re-verify";
            }
            if (!verdict.isGreen() && input.waived().contains(r.id())) {
                reason = "waived (was " + verdict + ": " + reason + ")";
                verdict = Verdict.WAIVED;
            }
            return new TraceRow(r.id(), r.title(), r.asil(), r.parents(), kids, verdict, reason, own.criteria(),
                    own.tests(), considered.stream().map(l -> l.evidence().id()).distinct().sorted().toList(),
                    suspect.stream().distinct().sorted().toList());
        }

        /** An acceptance made while the release had another baseline in which this requirement read differently. */
        private boolean reviewedAgainstAnotherVersion(EvidenceFacts e, TracedRequirement r) {
            if (e.review() != ReviewState.ACCEPTED || e.reviewBaseline() == null
                    || e.reviewBaseline() == input.baselineId()) {
                return false;
            }
            Map<RequirementId, String> then = input.earlierFingerprints().getOrDefault(e.reviewBaseline(), Map.of());
            return !Objects.equals(then.get(r.id()), r.fingerprint());
        }
    }
}
