package io.tracegate.platform.persistence;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * H2's data source with the configured password ({@link DatabasePassword}: empty by default), and the way
 * over for data folders whose database was created with the unresolved placeholder as its password: when
 * the configured password is refused and the placeholder opens the database, the database's password is
 * changed to the configured one, once, and said so in the log. H2's own data source is final, so this one
 * wraps it; Payara sets the properties below by their bean names.
 */
public class H2FileDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(H2FileDataSource.class.getName());
    /** H2's error code for a wrong user name or password. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;

    private final JdbcDataSource h2 = new JdbcDataSource();
    private String user;
    private String password = "";

    public void setURL(String url) {
        h2.setURL(url);
    }

    public void setUrl(String url) {
        h2.setURL(url);
    }

    public String getURL() {
        return h2.getURL();
    }

    public String getUrl() {
        return h2.getURL();
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = DatabasePassword.configured(password);
    }

    public void setDescription(String description) {
        h2.setDescription(description);
    }

    public String getDescription() {
        return h2.getDescription();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        String configured = DatabasePassword.configured(password);
        try {
            return h2.getConnection(user, configured);
        } catch (SQLException refused) {
            if (refused.getErrorCode() != WRONG_USER_OR_PASSWORD || configured.equals(DatabasePassword.UNRESOLVED)) {
                throw refused;
            }
            return changeLegacyPassword(user, configured, refused);
        }
    }

    /** Serialised: the pool opens several connections at start-up, and only one of them must change it. */
    private synchronized Connection changeLegacyPassword(String user, String configured, SQLException refused)
            throws SQLException {
        try {
            return h2.getConnection(user, configured); // changed by another connection meanwhile
        } catch (SQLException stillRefused) {
            // not the legacy case either: the configured password is wrong
        }
        Connection legacy;
        try {
            legacy = h2.getConnection(user, DatabasePassword.UNRESOLVED);
        } catch (SQLException notLegacy) {
            throw refused;
        }
        try (Statement statement = legacy.createStatement()) {
            String name;
            try (ResultSet current = statement.executeQuery("SELECT CURRENT_USER")) {
                current.next();
                name = current.getString(1);
            }
            statement.execute("ALTER USER \"" + name.replace("\"", "\"\"") + "\" SET PASSWORD '"
                    + configured.replace("'", "''") + "'");
        } catch (SQLException e) {
            legacy.close();
            throw e;
        }
        LOG.warning("The H2 database was created with the literal text " + DatabasePassword.UNRESOLVED
                + " as its password; it now has the configured password (tracegate.db.password, empty by default)");
        return legacy;
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return h2.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || h2.isWrapperFor(type);
    }
}
