package io.tracegate.audit.application;

import io.tracegate.approval.application.Signing;
import io.tracegate.approval.domain.ReleaseManifest;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.evidence.domain.Regression;
import io.tracegate.evidence.domain.TraceMatrix;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementBaseline;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The release summary, the baseline and the regression rows as package lines. */
final class Summaries {

    private Summaries() {
    }

    static PackageContent.Summary of(Release r, TraceMatrix matrix, Signing.ApprovalStatus approval,
                                     ReleaseManifest manifest) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        matrix.gate().counts().forEach((verdict, n) -> counts.put(verdict.name(), n));
        boolean frozen = r.manifestDigest().isPresent();
        String digest = r.manifestDigest().orElse(manifest.digest());
        String note = frozen && !digest.equals(manifest.digest())
                ? "The release's content now hashes to " + manifest.digest() + ", not to the digest frozen at "
                  + "submission: it changed after it was frozen."
                : null;
        return new PackageContent.Summary(r.id(), r.model().name().value(), r.version().value(), r.description(),
                r.status().name(), r.statusChangedAt().orElse(null), r.statusChangedBy().orElse(null),
                r.statusReason().orElse(null), r.reviewRound(), r.createdBy(), r.createdAt(),
                r.reference().map(ref -> ref.label() + " (release " + ref.id() + ", " + ref.status() + ")").orElse(null),
                matrix.gate().green(), counts, matrix.gate().blockingNames(),
                approval.highestAsil().name(), digest, frozen, note, matrix.warnings(), matrix.warningCount());
    }

    static PackageContent.Baseline baseline(RequirementBaseline b) {
        SortedMap<String, Integer> byAsil = new TreeMap<>(b.requirements().stream()
                .collect(Collectors.groupingBy(req -> req.asil().name(), Collectors.summingInt(req -> 1))));
        return new PackageContent.Baseline(b.id(), b.name(), b.source().kind().name(), b.source().location(),
                b.source().ref(), b.source().revision(), b.importedAt(), b.importedBy(), b.size(),
                b.highestAsil().name(), byAsil);
    }

    static PackageContent.RegressionLine regression(Regression.Row row) {
        String scope = row.scope().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return new PackageContent.RegressionLine(row.metric(), scope, row.unit(), row.value(), row.reference(),
                row.deltaVsReference(), row.previous(), row.deltaVsPrevious(), row.allowed());
    }
}
