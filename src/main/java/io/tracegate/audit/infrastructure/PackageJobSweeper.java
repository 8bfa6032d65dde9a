package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageJobs;
import io.tracegate.platform.instance.ServerInstance;
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
 * Ends the jobs a stopped server left queued or running, so nobody polls them forever. At start-up, every
 * unfinished job of this server (its id in the data directory) last touched before this run began is failed as
 * interrupted at once. A job of another server, or of before jobs named their server, is failed once it has not
 * moved for {@code tracegate.package.job-stale-after} (ten minutes by default; a running job reports at least
 * every file); checked at start-up and every five minutes. The age rule, not "every unfinished job at my start",
 * keeps a job that another instance is writing alive.
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

    @Inject
    ServerInstance server;

    @PostConstruct
    void atStart() {
        if (schema.isReady()) {
            end(jobs.unfinished().stream().filter(j -> j.leftBehindBy(server.id(), server.runStarted())).toList(),
                    "this server restarted at " + server.runStarted());
        }
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
        Instant cutoff = Instant.now().minus(Duration.parse(staleAfter));
        end(jobs.unfinished().stream().filter(j -> j.updatedAt().isBefore(cutoff)).toList(),
                "the server writing it stopped");
    }

    private void end(List<PackageJob> stale, String why) {
        Instant now = Instant.now();
        for (PackageJob job : stale) {
            job.fail("interrupted: no progress since " + job.updatedAt() + " (" + job.state() + ", "
                    + job.step().map(s -> s.words()).orElse("not started")
                    + "); " + why + ". Request the package again: the same state gives the same bytes", now);
        }
        if (!stale.isEmpty()) {
            LOG.warning(() -> "Ended " + stale.size() + " interrupted package job(s): "
                    + stale.stream().map(PackageJob::id).toList());
        }
    }
}
