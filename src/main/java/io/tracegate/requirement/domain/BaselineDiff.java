package io.tracegate.requirement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changed from one baseline to another, requirement by requirement, paired by id. */
public record BaselineDiff(List<RequirementId> added, List<RequirementId> removed, List<Change> changed,
                           List<RequirementId> unchanged) {

    /** A requirement present in both, with the fields whose content differs. */
    public record Change(RequirementId id, List<String> fields) {
    }

    public static BaselineDiff between(RequirementBaseline from, RequirementBaseline to) {
        Map<RequirementId, Requirement> before = from.byId();
        Map<RequirementId, Requirement> after = to.byId();
        List<RequirementId> added = new ArrayList<>();
        List<RequirementId> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<RequirementId> unchanged = new ArrayList<>();
        TreeSet<RequirementId> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (RequirementId id : ids) {
            Requirement old = before.get(id);
            Requirement now = after.get(id);
            if (old == null) {
                added.add(id);
            } else if (now == null) {
                removed.add(id);
            } else if (old.fingerprint().equals(now.fingerprint())) {
                unchanged.add(id);
            } else {
                List<String> fields = new ArrayList<>();
                old.fields().forEach((name, value) -> {
                    if (!Objects.equals(value, now.fields().get(name))) {
                        fields.add(name);
                    }
                });
                changed.add(new Change(id, fields));
            }
        }
        return new BaselineDiff(added, removed, changed, unchanged);
    }

    /** The requirements whose verification can no longer be trusted: changed or removed. */
    public TreeSet<RequirementId> invalidated() {
        TreeSet<RequirementId> ids = new TreeSet<>(removed);
        changed.forEach(change -> ids.add(change.id()));
        return ids;
    }
}
