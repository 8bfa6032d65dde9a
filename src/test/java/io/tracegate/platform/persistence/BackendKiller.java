package io.tracegate.platform.persistence;

import io.tracegate.it.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Terminates every PostgreSQL backend of the server's database but its own, again and again on a thread of
 * its own, until closed: what a database fail-over or an operator's {@code pg_terminate_backend} does to a
 * server in the middle of its transactions.
 */
final class BackendKiller implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger killed = new AtomicInteger();
    private final Thread thread;

    private BackendKiller(long pauseMillis) {
        thread = new Thread(() -> {
            try (Connection db = TestDatabase.ofDeployment().getConnection(); Statement sql = db.createStatement()) {
                while (running.get()) {
                    try (ResultSet r = sql.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND backend_type = 'client backend'")) {
                        r.next();
                        killed.addAndGet(r.getInt(1));
                    }
                    Thread.sleep(pauseMillis);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the killer lost its own connection", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backend-killer");
        thread.setDaemon(true);
    }

    /** Terminates the server's backends once, {@code delayMillis} from now, on a thread of its own. */
    static Thread once(long delayMillis) {
        Thread thread = new Thread(() -> {
            try (Connection db = TestDatabase.ofDeployment().getConnection(); Statement sql = db.createStatement()) {
                Thread.sleep(delayMillis);
                sql.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND backend_type = 'client backend'").close();
            } catch (SQLException e) {
                throw new IllegalStateException("the killer could not connect", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backend-killer-once");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static BackendKiller start(long pauseMillis) {
        BackendKiller killer = new BackendKiller(pauseMillis);
        killer.thread.start();
        return killer;
    }

    int killed() {
        return killed.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
