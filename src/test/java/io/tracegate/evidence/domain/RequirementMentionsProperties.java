package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name scan only starts where an id can begin and stops as soon as the parts so far begin no id: it must find
 * exactly what trying every run of parts finds (the rule as the README states it), on random ids and names.
 */
class RequirementMentionsProperties {

    private static final List<String> WORDS = List.of("mlr", "perf", "vru", "night", "sg", "01", "2", "rob", "test",
            "recall", "x.1");

    @Property(tries = 500)
    void theScanFindsWhatTryingEveryRunOfPartsFinds(@ForAll long seed) {
        Random random = new Random(seed);
        Set<RequirementId> baseline = new HashSet<>();
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            baseline.add(new RequirementId(String.join("-", words(random, 1 + random.nextInt(4))).toUpperCase(Locale.ROOT)));
        }
        List<String> parts = words(random, random.nextInt(9));
        String separator = random.nextBoolean() ? "_" : random.nextBoolean() ? "/" : " ";
        String name = String.join(separator, parts);

        Set<RequirementId> found = new RequirementMentions(baseline).in(new TestFact("", name, TestOutcome.PASSED, null, Set.of()));

        Set<RequirementId> expected = new HashSet<>();
        for (int start = 0; start < parts.size(); start++) {
            for (int end = start + 1; end <= parts.size(); end++) {
                String candidate = String.join("-", parts.subList(start, end)).toUpperCase(Locale.ROOT);
                baseline.stream().filter(id -> id.value().equals(candidate)).forEach(expected::add);
            }
        }
        assertThat(found).isEqualTo(expected);
    }

    private static List<String> words(Random random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return words;
    }
}
