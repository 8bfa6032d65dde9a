package io.tracegate.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to write an audit package, and how far it got: queued, running (with its step and count),
 * succeeded (with the package) or failed (with the reason). A job asked for by an approval also names the
 * round it must show: if the release has moved on before the job reads it, the job fails instead of
 * writing a package of another state.
 */
@Entity
@Table(name = "package_job")
public class PackageJob {

    /** Why the job exists. */
    public enum Reason { REQUESTED, APPROVAL }

    /** Where the job is. */
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    @SequenceGenerator(name = "package_job_seq", sequenceName = "package_job_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "package_job_seq")
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Reason reason;

    @Column(name = "approval_round")
    private Integer approvalRound;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private PackageStep step;

    @Column(name = "step_done", nullable = false)
    private long stepDone;

    @Column(name = "step_total", nullable = false)
    private long stepTotal;

    @Column(name = "package_id")
    private Long packageId;

    @Column(name = "new_package")
    private Boolean newPackage;

    @Column(length = 2000)
    private String failure;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 64)
    private String runner;

    protected PackageJob() {
    }

    /** A package asked for by someone, of the release as it is when the job reads it. */
    public static PackageJob requested(long releaseId, String by, Instant at) {
        return queued(releaseId, Reason.REQUESTED, null, by, at);
    }

    /** The package frozen at approval: it must show the release APPROVED in this round. */
    public static PackageJob atApproval(long releaseId, int round, String by, Instant at) {
        return queued(releaseId, Reason.APPROVAL, round, by, at);
    }

    private static PackageJob queued(long releaseId, Reason reason, Integer round, String by, Instant at) {
        PackageJob job = new PackageJob();
        job.releaseId = releaseId;
        job.reason = reason;
        job.approvalRound = round;
        job.requestedBy = Objects.requireNonNull(by);
        job.requestedAt = Objects.requireNonNull(at);
        job.state = State.QUEUED;
        job.updatedAt = at;
        return job;
    }

    /** Records the server that runs the job (the one it was queued on). */
    public void runOn(String server) {
        runner = Objects.requireNonNull(server);
    }

    /**
     * Whether the job was cut off by a stop of the given server: it runs there, is unfinished, and was last
     * touched before that server's current run began.
     */
    public boolean leftBehindBy(String server, Instant runStarted) {
        return !isFinished() && server.equals(runner) && updatedAt.isBefore(runStarted);
    }

    public void start(Instant at) {
        requireState(State.QUEUED, "start");
        state = State.RUNNING;
        step = PackageStep.READING_RELEASE;
        updatedAt = at;
    }

    public void reach(PackageStep now, long done, long total, Instant at) {
        requireState(State.RUNNING, "report progress of");
        step = Objects.requireNonNull(now);
        stepDone = Math.max(0, done);
        stepTotal = Math.max(0, total);
        updatedAt = at;
    }

    /**
     * Checks that the state read is the one this job was asked for.
     *
     * @return why not, when it is not
     */
    public Optional<String> mismatchWith(String releaseStatus, int reviewRound) {
        if (reason != Reason.APPROVAL || ("APPROVED".equals(releaseStatus) && approvalRound == reviewRound)) {
            return Optional.empty();
        }
        return Optional.of("the release moved on before its approval package was written: it is now " + releaseStatus
                + " in round " + reviewRound + ", not APPROVED in round " + approvalRound);
    }

    public void succeed(long writtenPackage, boolean isNew, Instant at) {
        requireState(State.RUNNING, "complete");
        state = State.SUCCEEDED;
        packageId = writtenPackage;
        newPackage = isNew;
        finish(at);
    }

    /** Fails a queued or running job; the reason is kept to 2,000 characters. */
    public void fail(String why, Instant at) {
        if (isFinished()) {
            throw new IllegalStateException("package job " + id + " has already " + state);
        }
        state = State.FAILED;
        String text = why == null || why.isBlank() ? "failed without a message" : why;
        failure = text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
        finish(at);
    }

    private void finish(Instant at) {
        stepDone = stepTotal;
        updatedAt = at;
        finishedAt = at;
    }

    private void requireState(State expected, String verb) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + verb + " package job " + id + ": it is " + state);
        }
    }

    public boolean isFinished() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }

    public Long id() {
        return id;
    }

    public long releaseId() {
        return releaseId;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<Integer> approvalRound() {
        return Optional.ofNullable(approvalRound);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public State state() {
        return state;
    }

    public Optional<PackageStep> step() {
        return Optional.ofNullable(step);
    }

    public long stepDone() {
        return stepDone;
    }

    public long stepTotal() {
        return stepTotal;
    }

    public Optional<Long> packageId() {
        return Optional.ofNullable(packageId);
    }

    /** Whether the job wrote a new package (false: the same bytes had been written before). */
    public boolean wroteNewPackage() {
        return Boolean.TRUE.equals(newPackage);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }
}
