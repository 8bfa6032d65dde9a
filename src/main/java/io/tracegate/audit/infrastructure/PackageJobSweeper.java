package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageJobs;
import io.tracegate.platform.persistence.SchemaState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends the jobs a stopped server left queued or running, so nobody polls them forever: a job that has not
 * moved for {@code tracegate.package.job-stale-after} (ten minutes by default; a running job reports at least
 * every file) is failed as interrupted. Checked at start-up and every five minutes. The age rule, not "every
 * unfinished job at my start", keeps a job that another instance is writing alive.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PackageJobSweeper {

    private static final Logger LOG = Logger.getLogger(PackageJobSweeper.class.getName());

    @Inject
    PackageJobs jobs;

    @Inject
    SchemaState schema;

    @Inject
    @ConfigProperty(name = "tracegate.package.job-stale-after", defaultValue = "PT10M")
    String staleAfter;

    @PostConstruct
    void atStart() {
        sweep();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void everyFiveMinutes() {
        sweep();
    }

    void sweep() {
        if (!schema.isReady()) {
            return;
        }
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.parse(staleAfter));
        List<PackageJob> stale = jobs.unfinished().stream().filter(j -> j.updatedAt().isBefore(cutoff)).toList();
        for (PackageJob job : stale) {
            job.fail("interrupted: no progress since " + job.updatedAt() + " (" + job.state() + ", "
                    + job.step().map(s -> s.words()).orElse("not started")
                    + "); the server writing it stopped. Request the package again: the same state gives the same bytes",
                    now);
        }
        if (!stale.isEmpty()) {
            LOG.warning(() -> "Ended " + stale.size() + " interrupted package job(s): "
                    + stale.stream().map(PackageJob::id).toList());
        }
    }
}
