package io.tracegate.requirement.interfaces;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.BaselineDiff;
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementId;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of baselines, requirements and diffs. */
public final class BaselineViews {

    private BaselineViews() {
    }

    public record Source(String kind, String location, String ref, String revision) {
    }

    public record BaselineSummary(long id, String name, Source source, Instant importedAt, String importedBy,
                           int requirements, String highestAsil) {

        public static BaselineSummary of(RequirementBaseline b) {
            return new BaselineSummary(b.id(), b.name(), new Source(b.source().kind().name(), b.source().location(),
                    b.source().ref(), b.source().revision()), b.importedAt(), b.importedBy(), b.size(), b.highestAsil().name());
        }
    }

    public record Criterion(String expression, String metric, java.util.Map<String, String> scope, String comparator,
                     java.math.BigDecimal threshold, String unit) {

        public static Criterion of(AcceptanceCriterion c) {
            return new Criterion(c.toString(), c.metric(), c.scope(), c.comparator().symbol(), c.threshold(), c.unit());
        }
    }

    public record RequirementView(String id, String title, String asil, String kind, List<String> parents,
                           String verificationMethod, String verificationLevel, List<Criterion> criteria, String text,
                           String sourcePath, String fingerprint) {

        public static RequirementView of(Requirement r) {
            return new RequirementView(r.id().value(), r.title(), r.asil().name(), r.kind().slug(),
                    r.parents().stream().map(RequirementId::value).toList(), r.verification().method(),
                    r.verification().level(), r.criteria().stream().map(Criterion::of).toList(), r.text(),
                    r.sourcePath(), r.fingerprint());
        }
    }

    public record BaselineDetail(BaselineSummary baseline, List<RequirementView> requirements) {

        public static BaselineDetail of(RequirementBaseline b) {
            return new BaselineDetail(BaselineSummary.of(b), b.requirements().stream().map(RequirementView::of).toList());
        }
    }

    public record Change(String id, List<String> fields) {
    }

    public record DiffView(long from, long to, List<String> added, List<String> removed, List<Change> changed,
                    int unchanged) {

        public static DiffView of(long from, long to, BaselineDiff diff) {
            return new DiffView(from, to, ids(diff.added()), ids(diff.removed()),
                    diff.changed().stream().map(c -> new Change(c.id().value(), c.fields())).toList(),
                    diff.unchanged().size());
        }

        private static List<String> ids(List<RequirementId> ids) {
            return ids.stream().map(RequirementId::value).toList();
        }
    }

    public record LinkView(long releaseId, long baselineId, Long previousBaselineId, int invalidatedRequirements) {
    }
}
