package io.tracegate.requirement.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a set of requirements must satisfy together: unique ids, existing parents, no cycles. They
 * look only at outlines (id, parents, source path), so a re-import checks the requirements it read again
 * together with the ones it carries over from the previous baseline without loading the latter's content.
 */
final class DecompositionCheck {

    private DecompositionCheck() {
    }

    /**
     * Every problem in the set, in a deterministic order: duplicates and missing parents in the order of
     * {@code outlines}, then at most one cycle.
     */
    static List<ImportProblem> problemsIn(List<RequirementOutline> outlines) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<RequirementId, RequirementOutline> byId = new LinkedHashMap<>();
        for (RequirementOutline outline : outlines) {
            RequirementOutline earlier = byId.putIfAbsent(outline.id(), outline);
            if (earlier != null) {
                problems.add(new ImportProblem(outline.sourcePath(), null, "duplicate id " + outline.id()
                        + " (also in " + earlier.sourcePath() + ")"));
            }
        }
        for (RequirementOutline outline : outlines) {
            for (RequirementId parent : outline.parents()) {
                if (!byId.containsKey(parent)) {
                    problems.add(new ImportProblem(outline.sourcePath(), null, outline.id() + " names parent " + parent
                            + ", which does not exist"));
                } else if (parent.equals(outline.id())) {
                    problems.add(new ImportProblem(outline.sourcePath(), null, outline.id() + " is its own parent"));
                }
            }
        }
        findCycle(byId).ifPresent(cycle -> problems.add(new ImportProblem(byId.get(cycle.get(0)).sourcePath(), null,
                "cycle in the parent links: " + String.join(" -> ", cycle.stream().map(RequirementId::value).toList()))));
        return problems;
    }

    /** Iterative depth-first search (no recursion: 10,000-deep chains must not overflow the stack). */
    private static Optional<List<RequirementId>> findCycle(Map<RequirementId, RequirementOutline> byId) {
        Set<RequirementId> done = new HashSet<>();
        // Empty again after every search: shared by all of them instead of three new collections per start.
        List<RequirementId> path = new ArrayList<>();
        Set<RequirementId> onPath = new HashSet<>();
        List<Iterator<RequirementId>> iterators = new ArrayList<>();
        for (RequirementId start : byId.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            path.add(start);
            onPath.add(start);
            iterators.add(byId.get(start).parents().iterator());
            while (!path.isEmpty()) {
                Iterator<RequirementId> next = iterators.get(iterators.size() - 1);
                if (next.hasNext()) {
                    RequirementId parent = next.next();
                    if (!byId.containsKey(parent) || done.contains(parent) || parent.equals(path.get(path.size() - 1))) {
                        continue;
                    }
                    if (onPath.contains(parent)) {
                        List<RequirementId> cycle = new ArrayList<>(path.subList(path.indexOf(parent), path.size()));
                        cycle.add(parent);
                        return Optional.of(cycle);
                    }
                    path.add(parent);
                    onPath.add(parent);
                    iterators.add(byId.get(parent).parents().iterator());
                } else {
                    RequirementId finished = path.remove(path.size() - 1);
                    onPath.remove(finished);
                    iterators.remove(iterators.size() - 1);
                    done.add(finished);
                }
            }
        }
        return Optional.empty();
    }
}
