package io.tracegate.platform.persistence;

import jakarta.resource.ResourceException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a database connection that broke under a request (PostgreSQL terminated the backend, the
 * network dropped, the pool could not reach the database), wherever the container wrapped it: SQLSTATE
 * class 08 (connection exception) or 57P01–57P03 (shutdown), the JDBC connection exception types, or the
 * connector's ResourceException when the pool cannot allocate a usable connection.
 * Such a request is answered 503 with Retry-After: its transaction did not commit, and retrying is safe.
 */
public final class ConnectionLoss {

    private ConnectionLoss() {
    }

    /** Whether {@code thrown} or one of its causes is a lost connection. */
    public static boolean in(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth++ < 30; t = t.getCause()) {
            if (is(t)) {
                return true;
            }
        }
        return false;
    }

    public static boolean is(Throwable t) {
        // ResourceException: the pool could not hand out a working connection (one it had was found dead).
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ResourceException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P0");
        }
        return false;
    }
}
