package io.tracegate.requirement.infrastructure;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** The baseline storage contract on H2, the embedded default database. */
class JdbcBaselineWriterTest extends BaselineStorageContract {

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("tracegate");
        return h2;
    }
}
