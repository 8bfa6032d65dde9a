package io.tracegate.identity.infrastructure;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), clock);

    @Test
    void theFirstFailuresAreFreeThenTheWaitDoublesUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("alex", "10.0.0.1");
        }
        assertThat(throttle.waitFor("alex", "10.0.0.1")).isEmpty();
        throttle.failed("alex", "10.0.0.1");
        assertThat(throttle.waitFor("alex", "10.0.0.1")).hasValue(Duration.ofSeconds(1));
        throttle.failed("alex", "10.0.0.1");
        assertThat(throttle.waitFor("alex", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            throttle.failed("alex", "10.0.0.1");
        }
        assertThat(throttle.waitFor("alex", "10.0.0.1")).hasValue(Duration.ofSeconds(10));
        clock.now = clock.now.plusSeconds(10);
        assertThat(throttle.waitFor("alex", "10.0.0.1")).as("the wait is over").isEmpty();
    }

    @Test
    void anotherAddressOrNameIsNotHeldUpAndASuccessClearsThePair() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("Alex", "10.0.0.1");
        }
        assertThat(throttle.waitFor("alex", "10.0.0.1")).as("names compare without case").isPresent();
        assertThat(throttle.waitFor("alex", "10.0.0.2")).as("the real user elsewhere").isEmpty();
        assertThat(throttle.waitFor("kim", "10.0.0.1")).isEmpty();
        throttle.succeeded("alex", "10.0.0.1");
        assertThat(throttle.waitFor("alex", "10.0.0.1")).isEmpty();
    }

    @Test
    void aFloodOfNamesDoesNotGrowMemoryWithoutBound() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 50; i++) {
            throttle.failed("name-" + i, "10.0.0.9");
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed("last", "10.0.0.9");
        }
        assertThat(throttle.waitFor("last", "10.0.0.9")).as("still throttles after forgetting the flood").isPresent();
    }
}
