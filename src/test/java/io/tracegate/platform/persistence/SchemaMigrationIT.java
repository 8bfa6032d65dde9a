package io.tracegate.platform.persistence;

import io.tracegate.it.TestDatabase;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real migrations on the real databases: they apply on PostgreSQL and on H2, and editing an applied
 * migration stops the start-up with Flyway's checksum error, which readiness then reports.
 * (Not an Arquillian test: it drives the start-up bean directly against each database.)
 */
class SchemaMigrationIT {

    private static final Path MIGRATIONS = Path.of(System.getProperty("tracegate.it.migrations", "migrations"));

    @TempDir
    Path temp;

    @Test
    void theMigrationsApplyOnPostgresql() throws Exception {
        TestDatabase.recreate("tracegate_flyway_it");
        DataSource pg = TestDatabase.dataSource("tracegate_flyway_it");
        SchemaState state = migrate(pg, "filesystem:" + MIGRATIONS);
        assertThat(state.isReady()).as(state.failure().orElse("")).isTrue();
        assertThat(tablesIn(pg)).contains("model", "model_release", "artifact", "blob", "app_user");
    }

    @Test
    void theMigrationsApplyOnH2() throws Exception {
        SchemaState state = migrate(h2(), "filesystem:" + MIGRATIONS);
        assertThat(state.isReady()).as(state.failure().orElse("")).isTrue();
        assertThat(state.version()).isNotBlank();
    }

    @Test
    void anEditedAppliedMigrationStopsStartUpOnPostgresql() throws Exception {
        TestDatabase.recreate("tracegate_flyway_it");
        assertEditedMigrationIsRefused(TestDatabase.dataSource("tracegate_flyway_it"));
    }

    @Test
    void anEditedAppliedMigrationStopsStartUpOnH2() throws Exception {
        assertEditedMigrationIsRefused(h2());
    }

    private void assertEditedMigrationIsRefused(DataSource db) throws IOException {
        assertThat(migrate(db, "filesystem:" + MIGRATIONS).isReady()).isTrue();

        Path edited = Files.createDirectories(temp.resolve("edited"));
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Files.copy(file, edited.resolve(file.getFileName()));
            }
        }
        Path first = edited.resolve("V1__platform_releases_artifacts.sql");
        Files.writeString(first, Files.readString(first) + "\n-- an innocent-looking edit\n");

        SchemaState state = migrate(db, "filesystem:" + edited);
        assertThat(state.isReady()).isFalse();
        assertThat(state.failure()).hasValueSatisfying(reason -> assertThat(reason).containsIgnoringCase("checksum"));

        assertThatThrownBy(() -> SchemaMigration.migrator(db, "filesystem:" + edited).migrate())
                .isInstanceOf(FlywayException.class);
    }

    private static SchemaState migrate(DataSource db, String location) {
        SchemaMigration migration = new SchemaMigration();
        migration.dataSource = db;
        migration.state = new SchemaState();
        migration.locations = new String[] {location};
        migration.migrate();
        return migration.state;
    }

    private DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + temp.resolve("h2/tracegate"));
        h2.setUser("tracegate");
        return h2;
    }

    private static java.util.List<String> tablesIn(DataSource db) throws Exception {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
