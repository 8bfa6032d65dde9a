package io.tracegate.platform.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClashTest {

    private static RuntimeException uniqueViolation() {
        return new RuntimeException("transaction rolled back", new PersistenceException("insert failed",
                new SQLException("ERROR: key (sha256) already exists", "23505")));
    }

    @Test
    void aUniqueViolationDeepInsideTheContainersWrappingIsAClash() {
        assertThat(Clash.is(uniqueViolation())).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(Clash.is(new RuntimeException(new SQLException("connection reset", "08006")))).isFalse();
        assertThat(Clash.is(new IllegalStateException("blob vanished"))).isFalse();
    }

    @Test
    void aTransactionThatClashedIsFollowedOnceByTheRetryWhoseResultCounts() {
        AtomicInteger runs = new AtomicInteger();
        String result = Clash.retried(() -> {
            runs.incrementAndGet();
            throw uniqueViolation();
        }, () -> {
            runs.incrementAndGet();
            return "found the other's row";
        });
        assertThat(result).isEqualTo("found the other's row");
        assertThat(runs).hasValue(2);
    }

    @Test
    void withoutAClashTheRetryNeverRuns() {
        AtomicInteger retries = new AtomicInteger();
        assertThat(Clash.retried(() -> "recorded", () -> {
            retries.incrementAndGet();
            return "retried";
        })).isEqualTo("recorded");
        assertThat(retries).hasValue(0);
    }

    @Test
    void aSecondClashAndAnyOtherFailureGoToTheCaller() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Clash.retried(() -> {
            runs.incrementAndGet();
            throw uniqueViolation();
        }, () -> {
            runs.incrementAndGet();
            throw uniqueViolation();
        })).hasRootCauseInstanceOf(SQLException.class);
        assertThat(runs).hasValue(2);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> Clash.retried(() -> {
            once.incrementAndGet();
            throw new IllegalStateException("disk full");
        }, () -> {
            once.incrementAndGet();
            return "retried";
        })).hasMessage("disk full");
        assertThat(once).hasValue(1);
    }
}
