package io.tracegate.audit.application;

import io.tracegate.audit.domain.PackageProgress;
import io.tracegate.audit.domain.PackageStep;

import java.util.function.LongSupplier;

/**
 * Passes a writer's progress on to the job's row: every new step at once, counts within a step at most
 * twice a second, so a package of 20,000 files costs a few dozen short updates, not 20,000.
 */
final class ThrottledProgress implements PackageProgress {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final long jobId;
    private final PackageJobLedger ledger;
    private final LongSupplier nanoClock;
    private PackageStep lastStep;
    private long lastWrite;

    ThrottledProgress(long jobId, PackageJobLedger ledger) {
        this(jobId, ledger, System::nanoTime);
    }

    ThrottledProgress(long jobId, PackageJobLedger ledger, LongSupplier nanoClock) {
        this.jobId = jobId;
        this.ledger = ledger;
        this.nanoClock = nanoClock;
    }

    @Override
    public void reached(PackageStep step, long done, long total) {
        long now = nanoClock.getAsLong();
        if (step == lastStep && now - lastWrite < INTERVAL_NANOS && done < total) {
            return;
        }
        lastStep = step;
        lastWrite = now;
        ledger.reach(jobId, step, done, total);
    }
}
