package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the requirements of a baseline that a test case names:
 * <ul>
 * <li>ids listed in a property {@code requirement}, {@code requirements} or {@code verifies} (separated by
 *     commas, semicolons or blanks); {@link #namedIn} reads them out of a report once, as written, and
 *     {@link #in} looks them up;</li>
 * <li>an id inside the suite or test name, matched case-insensitively with {@code _} read as {@code -}
 *     and only between separators, so {@code test_mlr_perf_vru_night_recall} names
 *     {@code MLR-PERF-VRU-NIGHT}, while {@code MLR-PERF-VRU} does not match inside it unless it is an id
 *     of the baseline too.</li>
 * </ul>
 * Ids written in a property that are not in the baseline are not links; {@link #lookUp} tells the caller, which
 * reports them. Names are scanned only from parts that can begin an id and only while the parts so far spell the
 * beginning of one, so a name costs a few lookups however large the baseline.
 */
public final class RequirementMentions {

    private static final Set<String> PROPERTIES = Set.of("requirement", "requirements", "verifies");
    private static final int MAX_PARTS = 12;

    private final Map<String, RequirementId> byNormalised = new HashMap<>();
    /** Every run of leading parts of an id, joined with '-': the scan stops as soon as a candidate is none of these. */
    private final Set<String> beginnings = new HashSet<>();

    public RequirementMentions(Collection<RequirementId> baseline) {
        for (RequirementId id : baseline) {
            String normalised = normalise(id.value());
            byNormalised.put(normalised, id);
            List<String> parts = parts(normalised);
            StringBuilder beginning = new StringBuilder();
            for (int i = 0; i < parts.size() && i < MAX_PARTS; i++) {
                if (i > 0) {
                    beginning.append('-');
                }
                beginning.append(parts.get(i));
                beginnings.add(beginning.toString());
            }
        }
    }

    /** The ids a test case's properties list, as written (read once, when the report is parsed). */
    public static Set<String> namedIn(TestResult test) {
        Set<String> named = new LinkedHashSet<>();
        test.properties().forEach((name, value) -> {
            if (PROPERTIES.contains(name.toLowerCase(Locale.ROOT)) && value != null) {
                for (String part : value.split("[,;\\s]+")) {
                    if (!part.isBlank()) {
                        named.add(part.strip());
                    }
                }
            }
        });
        return named;
    }

    /** The baseline's requirement an id as written stands for, or null. */
    public RequirementId lookUp(String written) {
        return byNormalised.get(normalise(written));
    }

    /** The requirements of the baseline a test names, in its properties or its suite and name. */
    public Set<RequirementId> in(TestFact test) {
        Set<RequirementId> found = new HashSet<>();
        for (String written : test.named()) {
            RequirementId id = lookUp(written);
            if (id != null) {
                found.add(id);
            }
        }
        scan(test.suite(), found);
        scan(test.name(), found);
        return found;
    }

    /** The same for a parsed test result (its properties read on the spot). */
    public Set<RequirementId> in(TestResult test) {
        return in(new TestFact(test.suite(), test.name(), test.outcome(), test.message(), namedIn(test)));
    }

    /** Every run of consecutive name parts that spells an id of the baseline. */
    private void scan(String name, Set<RequirementId> found) {
        if (name == null || name.isEmpty() || byNormalised.isEmpty()) {
            return;
        }
        List<String> parts = parts(normalise(name));
        StringBuilder candidate = new StringBuilder();
        for (int start = 0; start < parts.size(); start++) {
            candidate.setLength(0);
            for (int end = start; end < parts.size() && end - start < MAX_PARTS; end++) {
                if (end > start) {
                    candidate.append('-');
                }
                candidate.append(parts.get(end));
                String text = candidate.toString();
                if (!beginnings.contains(text)) {
                    break;
                }
                RequirementId id = byNormalised.get(text);
                if (id != null) {
                    found.add(id);
                }
            }
        }
    }

    /** The runs of letters, digits and dots (ids keep dots, e.g. {@code SG.1}); empty runs are dropped. */
    private static List<String> parts(String normalised) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalised.length(); i++) {
            char c = i < normalised.length() ? normalised.charAt(i) : ' ';
            boolean keep = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.';
            if (keep && start < 0) {
                start = i;
            } else if (!keep && start >= 0) {
                parts.add(normalised.substring(start, i));
                start = -1;
            }
        }
        return parts;
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    }
}
