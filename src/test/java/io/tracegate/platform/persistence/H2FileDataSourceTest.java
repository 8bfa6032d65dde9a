package io.tracegate.platform.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data source Payara builds for H2, given what Payara passes, against real H2 files. */
class H2FileDataSourceTest {

    @TempDir
    Path data;

    private String url() {
        return "jdbc:h2:file:" + data.resolve("db/tracegate");
    }

    private H2FileDataSource asPayaraMakesIt(String password) {
        H2FileDataSource source = new H2FileDataSource();
        source.setURL(url());
        source.setUser("tracegate");
        source.setPassword(password);
        return source;
    }

    @Test
    void anEmptyConfiguredPasswordCreatesADatabaseWithAnEmptyPassword() throws SQLException {
        asPayaraMakesIt(DatabasePassword.UNRESOLVED).getConnection().close();

        DriverManager.getConnection(url(), "tracegate", "").close();
    }

    @Test
    void aDatabaseMadeWithThePlaceholderAsPasswordIsChangedToTheConfiguredOneOnce() throws SQLException {
        DriverManager.getConnection(url(), "tracegate", DatabasePassword.UNRESOLVED).close();

        try (Connection first = asPayaraMakesIt(DatabasePassword.UNRESOLVED).getConnection("tracegate",
                DatabasePassword.UNRESOLVED)) {
            assertThat(first.isValid(1)).isTrue();
        }
        DriverManager.getConnection(url(), "tracegate", "").close();
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "tracegate", DatabasePassword.UNRESOLVED))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aConfiguredPasswordReplacesThePlaceholderToo() throws SQLException {
        DriverManager.getConnection(url(), "tracegate", DatabasePassword.UNRESOLVED).close();

        asPayaraMakesIt("s3cret-from-env").getConnection().close();

        DriverManager.getConnection(url(), "tracegate", "s3cret-from-env").close();
    }

    @Test
    void aWrongPasswordForADatabaseNotMadeTheOldWayIsStillRefused() throws SQLException {
        DriverManager.getConnection(url(), "tracegate", "right").close();

        assertThatThrownBy(() -> asPayaraMakesIt("wrong").getConnection()).isInstanceOf(SQLException.class);
        DriverManager.getConnection(url(), "tracegate", "right").close();
    }
}
