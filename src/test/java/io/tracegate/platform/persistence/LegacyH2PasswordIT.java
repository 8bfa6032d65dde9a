package io.tracegate.platform.persistence;

import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.it.ServerProcess;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 item 11: Tracegate up to this change created its H2 database with the password
 * {@code ${MPCONFIG=tracegate.db.password}} (Payara left the placeholder as it was, because MicroProfile
 * Config treats the empty default as missing), while the README says empty. A data folder made that way
 * (here: the migrations applied by Flyway under that literal password, as the old server did) must still
 * open, and afterwards carry the configured password: empty by default.
 */
class LegacyH2PasswordIT {

    private static final String LEGACY_PASSWORD = "${MPCONFIG=tracegate.db.password}";

    @TempDir
    Path data;

    @Test
    void aDatabaseCreatedWithTheLiteralPlaceholderOpensAndThenHasTheConfiguredEmptyPassword() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("db/tracegate") + ";WRITE_DELAY=0";
        int applied = Flyway.configure().dataSource(url, "tracegate", LEGACY_PASSWORD)
                .locations("classpath:db/migration").load().migrate().migrationsExecuted;
        assertThat(applied).as("the old data folder holds the schema").isPositive();

        Path log = Path.of(System.getProperty("tracegate.it.logs", "target")).resolve("legacy-h2-password-server.log");
        Files.createDirectories(log.getParent());
        // Without the demo, so that the start is short: readiness says "migrated" only once the database opened.
        try (ServerProcess server = ServerProcess.start(Path.of(System.getProperty("tracegate.it.payara")),
                Path.of(System.getProperty("tracegate.it.war", "target/tracegate.war")), data, "512m", log,
                Map.of("TRACEGATE_DEMO_ENABLED", "false"))) {
            Reply ready = new Api(server.base()).get(Login.NOBODY, "health/ready");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        }

        try (Connection withEmpty = DriverManager.getConnection(url, "tracegate", "");
             ResultSet history = withEmpty.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            history.next();
            assertThat(history.getInt(1)).as("the old schema history is kept").isGreaterThanOrEqualTo(applied);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "tracegate", LEGACY_PASSWORD).close())
                .as("the literal placeholder no longer opens the database")
                .isInstanceOf(SQLException.class);
    }
}
