package io.tracegate.platform.persistence;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The 503 answers themselves are checked against the running server (DatabaseLossScenarios). */
class ConnectionLossTest {

    @Test
    void aTerminatedBackendOrALostConnectionIsRecognised() {
        assertThat(ConnectionLoss.is(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ConnectionLoss.is(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(ConnectionLoss.is(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(ConnectionLoss.is(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ConnectionLoss.is(new SQLException("no state"))).isFalse();
    }

    @Test
    void itIsFoundDeepInsideTheContainersWrapping() {
        assertThat(ConnectionLoss.in(new EJBException(new PersistenceException("query failed",
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(ConnectionLoss.in(new IllegalStateException("storing failed", new SQLException(
                "Error in allocating a connection", new jakarta.resource.spi.ResourceAllocationException("pool")))))
                .isTrue();
        assertThat(ConnectionLoss.in(new EJBException(new PersistenceException("unique",
                new SQLException("duplicate key", "23505"))))).isFalse();
    }
}
