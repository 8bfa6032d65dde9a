package io.tracegate.platform.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A transaction that failed on a unique key because another transaction inserted the same key at the same
 * time: two uploads of the same bytes both find the blob unclaimed and both claim it, and the second
 * commit (PostgreSQL) or insert (H2) fails. Run again, such a transaction sees the other's row and goes
 * its way, so the short recording transactions of uploads are retried once instead of failing the upload.
 */
public final class Clash {

    /** SQLSTATE of a unique violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Clash() {
    }

    public static boolean is(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.contains("IntegrityConstraint") || message.contains("unique") || message.contains("duplicate key")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Runs {@code transaction} (which must start and end its own transaction) and, when it clashed with a
     * concurrent insert, {@code afterClash} once instead: a new transaction that sees the other's row. A clash
     * there too is thrown to the caller. The usual path runs {@code transaction} alone.
     */
    public static <T> T retried(Supplier<T> transaction, Supplier<T> afterClash) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            if (!is(e)) {
                throw e;
            }
            return afterClash.get();
        }
    }
}
