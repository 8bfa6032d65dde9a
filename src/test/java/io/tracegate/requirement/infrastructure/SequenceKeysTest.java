package io.tracegate.requirement.infrastructure;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** The sequence keys contract on H2, the embedded default database. */
class SequenceKeysTest extends SequenceKeysContract {

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("tracegate");
        return h2;
    }
}
