package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which evidence counts for which requirement of a baseline, decided from the evidence and the baseline alone,
 * so the answer is the same whatever was uploaded, linked or reviewed first:
 * <ol>
 * <li>the upload names the requirement: every metric and test case of the file counts for it;</li>
 * <li>a test case names it in a property or in its suite or name ({@link RequirementMentions}): that test case
 *     counts, and the file's metrics are looked at for the requirement's criteria.</li>
 * </ol>
 * Ids the evidence names that are not in the baseline are kept as warnings.
 */
public final class EvidenceLinks {

    /** One evidence item linked to one requirement, with the test cases that count for it. */
    public record Link(EvidenceFacts evidence, List<TestFact> tests) {
    }

    /** Warnings beyond this many are counted, not listed. */
    public static final int WARNINGS_SHOWN = 100;

    private final Map<RequirementId, List<Link>> byRequirement = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;

    public EvidenceLinks(Set<RequirementId> baseline, List<EvidenceFacts> evidence) {
        RequirementMentions mentions = new RequirementMentions(baseline);
        // By id, so links and warnings come out the same whatever order the items were read in.
        List<EvidenceFacts> byId = new ArrayList<>(evidence);
        byId.sort(java.util.Comparator.comparingLong(EvidenceFacts::id));
        for (EvidenceFacts e : byId) {
            link(e, mentions);
        }
    }

    public List<Link> of(RequirementId id) {
        return byRequirement.getOrDefault(id, List.of());
    }

    /** "evidence 12 (report.xml) names MLR-X, which is not in the baseline", at most {@link #WARNINGS_SHOWN}. */
    public List<String> warnings() {
        return warnings;
    }

    public int warningCount() {
        return warningCount;
    }

    private void link(EvidenceFacts e, RequirementMentions mentions) {
        Set<String> unknown = new TreeSet<>();
        Set<RequirementId> explicit = new TreeSet<>();
        for (String written : e.named()) {
            RequirementId id = mentions.lookUp(written);
            if (id == null) {
                unknown.add(written);
            } else {
                explicit.add(id);
            }
        }
        Map<RequirementId, List<TestFact>> tests = new LinkedHashMap<>();
        for (TestFact t : e.tests()) {
            for (String written : t.named()) {
                if (mentions.lookUp(written) == null) {
                    unknown.add(written);
                }
            }
            for (RequirementId id : mentions.in(t)) {
                if (!explicit.contains(id)) {
                    tests.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
                }
            }
        }
        for (RequirementId id : explicit) {
            byRequirement.computeIfAbsent(id, k -> new ArrayList<>()).add(new Link(e, e.tests()));
        }
        tests.forEach((id, linked) -> byRequirement.computeIfAbsent(id, k -> new ArrayList<>()).add(new Link(e, linked)));
        for (String id : unknown) {
            warningCount++;
            if (warnings.size() < WARNINGS_SHOWN) {
                warnings.add("evidence " + e.id() + " (" + e.fileName() + ") names " + id
                        + ", which is not in the release's baseline: nothing was linked for it");
            }
        }
    }
}
