package io.tracegate.requirement.infrastructure;

import io.tracegate.it.TestDatabase;

import javax.sql.DataSource;

/** The baseline storage contract on PostgreSQL (not an Arquillian test: it drives the writer directly). */
class JdbcBaselineWriterIT extends BaselineStorageContract {

    private int databases;

    @Override
    DataSource emptyDatabase() {
        String name = "tracegate_storage_it_" + databases++;
        TestDatabase.recreate(name);
        return TestDatabase.dataSource(name);
    }
}
