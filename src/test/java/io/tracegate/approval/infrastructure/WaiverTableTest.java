package io.tracegate.approval.infrastructure;

import io.tracegate.platform.persistence.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The waiver table after V17 on H2: for a requirement or a finding, exactly one; existing rows stay valid. */
class WaiverTableTest {

    private static final String COLUMNS = "INSERT INTO waiver (id, release_id, review_round, manifest_digest, req_id, "
            + "verdict_waived, finding_code, justification, expires_at, signer, printed_name, signed_at) VALUES ";

    @Test
    void aRequirementWaiverFromBeforeV17StaysAndFindingWaiversJoinItExactlyOneSubjectEach() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("tracegate");
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(h2).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("15")).load().migrate();
        try (Connection c = h2.getConnection(); Statement sql = c.createStatement()) {
            // The release row is beside the point here: only the waiver table's own rules are under test.
            sql.execute("SET REFERENTIAL_INTEGRITY FALSE");
            sql.execute("INSERT INTO waiver (id, release_id, review_round, manifest_digest, req_id, verdict_waived, "
                    + "justification, expires_at, signer, printed_name, signed_at) VALUES (1, 7, 1, '" + "a".repeat(64)
                    + "', 'MLR-PED-NIGHT', 'FAILED', 'night campaign postponed', CURRENT_TIMESTAMP, 'kim', 'Kim', CURRENT_TIMESTAMP)");
        }

        SchemaMigration.migrator(h2, "classpath:db/migration").migrate();

        try (Connection c = h2.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try (ResultSet old = sql.executeQuery("SELECT req_id, finding_code FROM waiver WHERE id = 1")) {
                assertThat(old.next()).isTrue();
                assertThat(old.getString(1)).isEqualTo("MLR-PED-NIGHT");
                assertThat(old.getString(2)).isNull();
            }
            sql.execute(COLUMNS + row(2, "NULL", "NULL", "'qat-without-qdq'"));
            assertThatThrownBy(() -> sql.execute(COLUMNS + row(3, "'MLR-1'", "'FAILED'", "'qat-without-qdq'")))
                    .as("both a requirement and a finding").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute(COLUMNS + row(4, "NULL", "NULL", "NULL")))
                    .as("neither").isInstanceOf(SQLException.class);
            sql.execute(COLUMNS + row(5, "NULL", "NULL", "'qat-without-qdq'"));
            sql.execute(COLUMNS + row(6, "'MLR-PED-NIGHT'", "'FAILED'", "NULL"));
            try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM waiver")) {
                count.next();
                assertThat(count.getInt(1)).as("a renewal beside an expired waiver of the same subject and round")
                        .isEqualTo(4);
            }
        }
    }

    private static String row(long id, String requirement, String verdict, String finding) {
        return "(" + id + ", 7, 1, '" + "a".repeat(64) + "', " + requirement + ", " + verdict + ", " + finding
                + ", 'justified at length here', CURRENT_TIMESTAMP, 'kim', 'Kim', CURRENT_TIMESTAMP)";
    }
}
