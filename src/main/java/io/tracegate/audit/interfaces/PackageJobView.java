package io.tracegate.audit.interfaces;

import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageStep;

import java.time.Instant;

/**
 * A package job as clients poll it: its state, the step it is in with the count within that step (and the
 * unit counted), and once finished either the package (id and link) or why it failed.
 */
public record PackageJobView(long id, long releaseId, String reason, Integer approvalRound, String requestedBy,
                             Instant requestedAt, String state, String step, String stepInWords, long stepDone,
                             long stepTotal, String stepUnit, Long packageId, String packageLink,
                             Boolean newPackage, String failure, Instant updatedAt, Instant finishedAt, String self) {

    static PackageJobView of(PackageJob job) {
        String base = "/api/releases/" + job.releaseId();
        return new PackageJobView(job.id(), job.releaseId(), job.reason().name(), job.approvalRound().orElse(null),
                job.requestedBy(), job.requestedAt(), job.state().name(), job.step().map(Enum::name).orElse(null),
                job.step().map(PackageStep::words).orElse(null), job.stepDone(), job.stepTotal(),
                job.step().map(PackageStep::unit).filter(u -> !u.isEmpty()).orElse(null),
                job.packageId().orElse(null), job.packageId().map(p -> base + "/packages/" + p).orElse(null),
                job.packageId().isPresent() ? job.wroteNewPackage() : null, job.failure().orElse(null),
                job.updatedAt(), job.finishedAt().orElse(null), link(job));
    }

    static String link(PackageJob job) {
        return "/api/releases/" + job.releaseId() + "/package-jobs/" + job.id();
    }
}
