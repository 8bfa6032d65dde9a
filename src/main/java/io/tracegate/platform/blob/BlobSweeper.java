package io.tracegate.platform.blob;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.tracegate.platform.persistence.SchemaState;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes what a crash can leave behind: temp files in staging and blobs renamed into the store whose
 * database commit never happened. Runs at start-up and hourly; only touches files older than the grace
 * period ({@code tracegate.blob.sweep-grace}, an hour by default), so an upload in flight, possibly on
 * another instance sharing the store, is never swept.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BlobSweeper {

    private static final Logger LOG = Logger.getLogger(BlobSweeper.class.getName());

    @Inject
    BlobStore store;

    @Inject
    BlobRecords records;

    @Inject
    SchemaState schema;

    @Inject
    @ConfigProperty(name = "tracegate.blob.sweep-grace", defaultValue = "PT1H")
    String grace;

    @PostConstruct
    void atStart() {
        sweep();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        sweep();
    }

    void sweep() {
        if (!schema.isReady()) {
            return;
        }
        List<Path> removed = store.sweep(records::isClaimed, Duration.parse(grace), Instant.now());
        if (!removed.isEmpty()) {
            LOG.warning(() -> "Swept " + removed.size() + " orphaned blob or staging file(s): " + removed);
        }
    }
}
