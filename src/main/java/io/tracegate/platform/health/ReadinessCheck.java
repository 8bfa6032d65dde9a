package io.tracegate.platform.health;

import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.persistence.SchemaMigration;
import io.tracegate.platform.persistence.SchemaState;
import io.tracegate.platform.security.Roles;
import jakarta.annotation.Resource;
import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.SecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * {@code /health/ready}: UP only when the database answers, the schema is migrated and the blob store takes writes.
 * What was found (Flyway's reason, the blob store's path) is shown to a logged-in administrator only; everyone
 * else, a Kubernetes probe included, gets the status (the HTTP code says it all: 200 or 503).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaState schema;

    @Inject
    BlobStore blobs;

    @Inject
    Instance<SecurityContext> security;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse found = check();
        if (administrator()) {
            return found;
        }
        return HealthCheckResponse.named(found.getName()).status(found.getStatus() == HealthCheckResponse.Status.UP).build();
    }

    /** The health endpoint shares the application's login: an administrator's request carries the ADMIN role. */
    private boolean administrator() {
        try {
            return security.get().isCallerInRole(Roles.ADMIN);
        } catch (RuntimeException noRequest) {
            return false;
        }
    }

    private HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tracegate").up();
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(5);
            response.withData("database", valid ? "reachable" : "not answering");
            if (!valid) {
                response.down();
            }
        } catch (Exception e) {
            response.down().withData("database", "unreachable: " + e.getMessage());
        }
        if (schema.isReady()) {
            response.withData("schema", "migrated to version " + schema.version());
        } else {
            response.down().withData("schema", "NOT migrated: " + schema.failure().orElse("?"));
        }
        try {
            blobs.probeWritable();
            response.withData("blobStore", "writable at " + blobs.root());
        } catch (Exception e) {
            response.down().withData("blobStore", "not writable at " + blobs.root() + ": " + e.getMessage());
        }
        return response.build();
    }
}
