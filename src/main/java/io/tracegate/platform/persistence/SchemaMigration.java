package io.tracegate.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the SQL migrations at start-up, before any other start-up bean and before requests are served.
 * A failure (an edited migration's checksum, a broken script, an unreachable database) does not kill the
 * deployment: it is kept in {@link SchemaState}, so readiness reports it and the API answers 503, rather
 * than Payara silently answering 404 with nothing deployed.
 */
@Singleton
@Startup
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "${MPCONFIG=tracegate.db.datasource}",
        url = "${MPCONFIG=tracegate.db.url}",
        user = "${MPCONFIG=tracegate.db.user}",
        password = "${MPCONFIG=tracegate.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            // isValid() asks the server; meta-data validation answers from the driver's cache, so a terminated
            // backend would be handed out again
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/tracegate";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaState state;

    /**
     * Where the migrations every database runs are ({@code migrations/} in the repository); tests point this
     * at an edited copy to prove checksum validation.
     */
    String[] locations = {"classpath:db/migration"};

    /**
     * Where the migrations only PostgreSQL runs are ({@code migrations/postgresql/}: PL/pgSQL triggers that
     * make the audit trail append-only). Their versions interleave with the common ones (V5_1 after V5).
     */
    String[] postgresqlLocations = {"classpath:db/postgresql"};

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        try {
            MigrateResult result = migrator(dataSource, locationsFor(dataSource)).migrate();
            state.migrated(result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
            LOG.info(() -> "Database schema at version " + state.version() + " (" + result.migrationsExecuted
                    + " migrations applied now) on " + result.database);
        } catch (RuntimeException e) {
            state.failed(e.getMessage());
            LOG.log(Level.SEVERE, "Tracegate is NOT READY: the database migration failed. " + e.getMessage(), e);
        }
    }

    /** The common locations, plus the PostgreSQL-only ones when the database is PostgreSQL. */
    String[] locationsFor(DataSource db) {
        if (!isPostgresql(db)) {
            return locations.clone();
        }
        String[] all = java.util.Arrays.copyOf(locations, locations.length + postgresqlLocations.length);
        System.arraycopy(postgresqlLocations, 0, all, locations.length, postgresqlLocations.length);
        return all;
    }

    /** Asks the database itself (not the configuration), so a mislabelled data source cannot skip the triggers. */
    static boolean isPostgresql(DataSource db) {
        try (Connection connection = db.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** The one Flyway configuration of Tracegate, also used by tests against real databases. */
    public static Flyway migrator(DataSource dataSource, String... locations) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load();
    }
}
