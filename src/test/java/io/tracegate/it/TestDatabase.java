package io.tracegate.it;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The real PostgreSQL the integration tests use (127.0.0.1:5432, trust auth, as CI provides it). */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Drops and creates {@code name}, so every run starts from an empty database. */
    public static void recreate(String name) {
        try (Connection admin = dataSource("postgres").getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + host() + ":" + port()
                    + " (start it, or run .ci/run): " + e.getMessage(), e);
        }
    }

    public static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host()});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser(System.getProperty("tracegate.it.pg.user", "postgres"));
        return ds;
    }

    /**
     * The database the deployed server under test uses (TRACEGATE_DB_URL and TRACEGATE_DB_USER, as failsafe
     * sets them for the PostgreSQL run), for scenarios that check what the server stored.
     */
    public static PGSimpleDataSource ofDeployment() {
        String url = System.getenv("TRACEGATE_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("TRACEGATE_DB_URL names no PostgreSQL database: " + url);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(System.getenv().getOrDefault("TRACEGATE_DB_USER", "postgres"));
        return ds;
    }

    private static String host() {
        return System.getProperty("tracegate.it.pg.host", "127.0.0.1");
    }

    private static int port() {
        return Integer.parseInt(System.getProperty("tracegate.it.pg.port", "5432"));
    }
}
