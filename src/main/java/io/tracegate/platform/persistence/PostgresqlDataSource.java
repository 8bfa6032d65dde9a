package io.tracegate.platform.persistence;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's data source with the configured password ({@link DatabasePassword}: empty by default). */
public class PostgresqlDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    @Override
    public void setPassword(String password) {
        super.setPassword(DatabasePassword.configured(password));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return super.getConnection(user, DatabasePassword.configured(password));
    }
}
