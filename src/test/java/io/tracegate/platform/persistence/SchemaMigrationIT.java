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
import java.sql.SQLException;
import java.util.List;
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
    /** The PostgreSQL-only migrations; Flyway must not find them under the common location (it scans recursively). */
    private static final Path POSTGRESQL_ONLY = MIGRATIONS.resolve("postgresql");

    @TempDir
    Path temp;

    @Test
    void theMigrationsApplyOnPostgresql() throws Exception {
        TestDatabase.recreate("tracegate_flyway_it");
        DataSource pg = TestDatabase.dataSource("tracegate_flyway_it");
        SchemaState state = migrate(pg, common());
        assertThat(state.isReady()).as(state.failure().orElse("")).isTrue();
        assertThat(tablesIn(pg)).contains("model", "model_release", "artifact", "blob", "app_user", "audit_event",
                "audit_head");
        assertThat(appliedVersions(pg)).as("the PostgreSQL-only migrations ran too").contains("5", "5.1");
        try (Connection c = pg.getConnection(); java.sql.Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO audit_event (seq, occurred_at, actor, action, subject_type, subject_id, "
                    + "previous_hash, hash) VALUES (1, CURRENT_TIMESTAMP, 'dba', 'x', 'y', 'z', '" + "0".repeat(64)
                    + "', '" + "1".repeat(64) + "')");
            for (String change : List.of("UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "UPDATE audit_head SET last_seq = 5", "DELETE FROM audit_head")) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("tracegate:");
            }
        }
    }

    @Test
    void theMigrationsApplyOnH2WithoutThePostgresqlOnlyOnes() throws Exception {
        DataSource h2 = h2();
        SchemaState state = migrate(h2, common());
        assertThat(state.isReady()).as(state.failure().orElse("")).isTrue();
        assertThat(state.version()).isNotBlank();
        assertThat(appliedVersions(h2)).contains("5").doesNotContain("5.1");
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
        assertThat(migrate(db, common()).isReady()).isTrue();

        Path edited = Files.createDirectories(temp.resolve("edited"));
        copySqlFiles(MIGRATIONS, edited);
        Path first = edited.resolve("V1__platform_releases_artifacts.sql");
        Files.writeString(first, Files.readString(first) + "\n-- an innocent-looking edit\n");

        SchemaState state = migrate(db, "filesystem:" + edited);
        assertThat(state.isReady()).isFalse();
        assertThat(state.failure()).hasValueSatisfying(reason -> assertThat(reason).containsIgnoringCase("checksum"));

        assertThatThrownBy(() -> SchemaMigration.migrator(db, "filesystem:" + edited).migrate())
                .isInstanceOf(FlywayException.class);
    }

    /** The common migrations as the WAR holds them: migrations/*.sql without the postgresql/ folder. */
    private String common() throws IOException {
        Path common = temp.resolve("common");
        if (!Files.isDirectory(common)) {
            copySqlFiles(MIGRATIONS, Files.createDirectories(common));
        }
        return "filesystem:" + common;
    }

    private static void copySqlFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** Runs the start-up migration as the server does: the PostgreSQL-only location only on PostgreSQL. */
    private static SchemaState migrate(DataSource db, String location) {
        SchemaMigration migration = new SchemaMigration();
        migration.dataSource = db;
        migration.state = new SchemaState();
        migration.locations = new String[] {location};
        migration.postgresqlLocations = new String[] {"filesystem:" + POSTGRESQL_ONLY};
        migration.migrate();
        return migration.state;
    }

    private static List<String> appliedVersions(DataSource db) throws SQLException {
        List<String> versions = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); java.sql.Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
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
