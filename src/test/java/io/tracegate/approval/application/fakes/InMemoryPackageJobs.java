package io.tracegate.approval.application.fakes;

import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageJobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Package jobs in a list; the jobs themselves are the real ones, moved on by the test as a runner would. */
public final class InMemoryPackageJobs implements PackageJobs {

    private final List<PackageJob> rows = new ArrayList<>();
    private long nextId = 1;

    @Override
    public void add(PackageJob job) {
        rows.add(Rows.withId(job, nextId++));
    }

    @Override
    public Optional<PackageJob> withId(long id) {
        return rows.stream().filter(j -> j.id() == id).findFirst();
    }

    @Override
    public List<PackageJob> ofRelease(long releaseId, int offset, int limit) {
        return rows.stream().filter(j -> j.releaseId() == releaseId)
                .sorted(Comparator.comparing(PackageJob::id).reversed()).skip(offset).limit(limit).toList();
    }

    @Override
    public long countOf(long releaseId) {
        return rows.stream().filter(j -> j.releaseId() == releaseId).count();
    }

    @Override
    public Optional<PackageJob> approvalJob(long releaseId, int round) {
        return rows.stream().filter(j -> j.releaseId() == releaseId && j.reason() == PackageJob.Reason.APPROVAL
                && j.approvalRound().equals(Optional.of(round))).max(Comparator.comparing(PackageJob::id));
    }

    @Override
    public List<PackageJob> unfinished() {
        return rows.stream().filter(j -> !j.isFinished()).toList();
    }
}
