package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the requirements a test case names itself, among the ids of the release's baseline:
 * <ul>
 * <li>a property {@code requirement}, {@code requirements} or {@code verifies} holding ids separated by
 *     commas, semicolons or blanks;</li>
 * <li>an id inside the suite or test name, matched case-insensitively with {@code _} read as {@code -}
 *     and only between separators, so {@code test_mlr_perf_vru_night_recall} names
 *     {@code MLR-PERF-VRU-NIGHT}, while {@code MLR-PERF-VRU} does not match inside it unless it is an id
 *     of the baseline too.</li>
 * </ul>
 * Ids that are not in the baseline are ignored (a typo must not create a link).
 */
public final class RequirementMentions {

    private static final Set<String> PROPERTIES = Set.of("requirement", "requirements", "verifies");
    private static final int MAX_PARTS = 12;

    private final Map<String, RequirementId> byUpperCase = new HashMap<>();

    public RequirementMentions(Set<RequirementId> baseline) {
        baseline.forEach(id -> byUpperCase.put(normalise(id.value()), id));
    }

    public Set<RequirementId> in(TestResult test) {
        Set<RequirementId> found = new HashSet<>();
        test.properties().forEach((name, value) -> {
            if (PROPERTIES.contains(name.toLowerCase(Locale.ROOT)) && value != null) {
                for (String part : value.split("[,;\\s]+")) {
                    RequirementId id = byUpperCase.get(normalise(part));
                    if (id != null) {
                        found.add(id);
                    }
                }
            }
        });
        scan(test.suite(), found);
        scan(test.name(), found);
        return found;
    }

    /** Every run of consecutive name parts that spells an id of the baseline. */
    private void scan(String name, Set<RequirementId> found) {
        if (name == null || name.isEmpty() || byUpperCase.isEmpty()) {
            return;
        }
        List<String> parts = List.of(normalise(name).split("[^A-Z0-9.]+"));
        for (int start = 0; start < parts.size(); start++) {
            StringBuilder candidate = new StringBuilder();
            for (int end = start; end < parts.size() && end - start < MAX_PARTS; end++) {
                if (parts.get(end).isEmpty()) {
                    break;
                }
                if (end > start) {
                    candidate.append('-');
                }
                candidate.append(parts.get(end));
                RequirementId id = byUpperCase.get(candidate.toString());
                if (id != null) {
                    found.add(id);
                }
            }
        }
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    }
}
