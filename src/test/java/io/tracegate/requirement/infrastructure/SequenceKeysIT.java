package io.tracegate.requirement.infrastructure;

import io.tracegate.it.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The sequence keys contract on PostgreSQL, in a database of its own, dropped afterwards. */
class SequenceKeysIT extends SequenceKeysContract {

    private static final String DATABASE = "tracegate_seq_test";

    @Override
    DataSource emptyDatabase() {
        TestDatabase.recreate(DATABASE);
        return TestDatabase.dataSource(DATABASE);
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection admin = TestDatabase.dataSource("postgres").getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }
}
