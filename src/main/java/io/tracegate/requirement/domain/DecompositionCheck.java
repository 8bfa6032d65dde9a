package io.tracegate.requirement.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a set of requirements must satisfy together: unique ids, existing parents, no cycles. */
final class DecompositionCheck {

    private DecompositionCheck() {
    }

    static List<ImportProblem> problemsIn(List<RequirementDraft> drafts) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<RequirementId, RequirementDraft> byId = new HashMap<>();
        for (RequirementDraft draft : drafts) {
            RequirementDraft earlier = byId.putIfAbsent(draft.id(), draft);
            if (earlier != null) {
                problems.add(new ImportProblem(draft.sourcePath(), null, "duplicate id " + draft.id()
                        + " (also in " + earlier.sourcePath() + ")"));
            }
        }
        for (RequirementDraft draft : drafts) {
            for (RequirementId parent : draft.parents()) {
                if (!byId.containsKey(parent)) {
                    problems.add(new ImportProblem(draft.sourcePath(), null, draft.id() + " names parent " + parent
                            + ", which does not exist"));
                } else if (parent.equals(draft.id())) {
                    problems.add(new ImportProblem(draft.sourcePath(), null, draft.id() + " is its own parent"));
                }
            }
        }
        findCycle(byId).ifPresent(cycle -> problems.add(new ImportProblem(byId.get(cycle.get(0)).sourcePath(), null,
                "cycle in the parent links: " + String.join(" -> ", cycle.stream().map(RequirementId::value).toList()))));
        return problems;
    }

    /** Iterative depth-first search (no recursion: 10,000-deep chains must not overflow the stack). */
    private static java.util.Optional<List<RequirementId>> findCycle(Map<RequirementId, RequirementDraft> byId) {
        Set<RequirementId> done = new HashSet<>();
        for (RequirementId start : byId.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            List<RequirementId> path = new ArrayList<>();
            Set<RequirementId> onPath = new HashSet<>();
            List<java.util.Iterator<RequirementId>> iterators = new ArrayList<>();
            path.add(start);
            onPath.add(start);
            iterators.add(byId.get(start).parents().iterator());
            while (!path.isEmpty()) {
                java.util.Iterator<RequirementId> next = iterators.get(iterators.size() - 1);
                if (next.hasNext()) {
                    RequirementId parent = next.next();
                    if (!byId.containsKey(parent) || done.contains(parent) || parent.equals(path.get(path.size() - 1))) {
                        continue;
                    }
                    if (onPath.contains(parent)) {
                        List<RequirementId> cycle = new ArrayList<>(path.subList(path.indexOf(parent), path.size()));
                        cycle.add(parent);
                        return java.util.Optional.of(cycle);
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
        return java.util.Optional.empty();
    }
}
