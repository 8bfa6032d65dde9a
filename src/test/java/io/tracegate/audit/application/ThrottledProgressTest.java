package io.tracegate.audit.application;

import io.tracegate.audit.domain.PackageStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledProgressTest {

    /** Records what would be written to the job's row. */
    static final class RecordingLedger extends PackageJobLedger {
        final List<String> written = new ArrayList<>();

        @Override
        public void reach(long jobId, PackageStep step, long done, long total) {
            written.add(jobId + " " + step + " " + done + "/" + total);
        }
    }

    private final RecordingLedger ledger = new RecordingLedger();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ThrottledProgress progress = new ThrottledProgress(9, ledger, nanos::get);

    @Test
    void countsWithinAStepAreWrittenAtMostTwiceASecond() {
        progress.reached(PackageStep.CHECKING_STORED_FILES, 0, 100);
        progress.reached(PackageStep.CHECKING_STORED_FILES, 1, 100);
        nanos.addAndGet(499_000_000L);
        progress.reached(PackageStep.CHECKING_STORED_FILES, 2, 100);
        nanos.addAndGet(1_000_000L);
        progress.reached(PackageStep.CHECKING_STORED_FILES, 3, 100);
        assertThat(ledger.written).containsExactly("9 CHECKING_STORED_FILES 0/100", "9 CHECKING_STORED_FILES 3/100");
    }

    @Test
    void aNewStepAndTheEndOfAStepAreAlwaysWritten() {
        progress.reached(PackageStep.CHECKING_STORED_FILES, 0, 2);
        progress.reached(PackageStep.CHECKING_STORED_FILES, 1, 2);
        progress.reached(PackageStep.CHECKING_STORED_FILES, 2, 2);
        progress.reached(PackageStep.RENDERING_REPORT, 0, 0);
        assertThat(ledger.written).containsExactly("9 CHECKING_STORED_FILES 0/2", "9 CHECKING_STORED_FILES 2/2",
                "9 RENDERING_REPORT 0/0");
    }
}
