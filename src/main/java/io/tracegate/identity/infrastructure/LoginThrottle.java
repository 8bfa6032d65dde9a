package io.tracegate.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code tracegate.login.free-failures} failed logins in a row for one user
 * name from one client address, that pair is refused without checking the password for a delay that doubles
 * with every further failure, up to {@code tracegate.login.longest-delay}. Keyed by name and address, so an
 * attacker elsewhere cannot lock the real user out; a success clears the pair. Held in memory per instance
 * (a restart forgets), bounded in size.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private int freeFailures;
    private Duration longestDelay;
    private Clock clock;

    protected LoginThrottle() {
        this(5, Duration.ofMinutes(15), Clock.systemUTC());
    }

    LoginThrottle(int freeFailures, Duration longestDelay, Clock clock) {
        this.freeFailures = freeFailures;
        this.longestDelay = longestDelay;
        this.clock = clock;
    }

    @Inject
    void configure(@ConfigProperty(name = "tracegate.login.free-failures", defaultValue = "5") int free,
                   @ConfigProperty(name = "tracegate.login.longest-delay", defaultValue = "PT15M") Duration longest) {
        this.freeFailures = free;
        this.longestDelay = longest;
    }

    /** How long this name from this address must still wait, if it must. */
    public Optional<Duration> waitFor(String name, String address) {
        Failures f = failures.get(key(name, address));
        if (f == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.until());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> !f.until().isAfter(now.minus(longestDelay)));
            if (failures.size() >= MAX_TRACKED) {
                failures.clear(); // a flood of names: forget rather than grow without bound
            }
        }
        failures.compute(key(name, address), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            return new Failures(count, now.plus(delayAfter(count)));
        });
    }

    public void succeeded(String name, String address) {
        failures.remove(key(name, address));
    }

    /** None for the free failures, then 1 s, 2 s, 4 s, … up to the longest delay. */
    Duration delayAfter(int count) {
        int over = count - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(over - 1, 30));
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }

    private static String key(String name, String address) {
        return name.toLowerCase(java.util.Locale.ROOT) + "\u0000" + address;
    }

    private record Failures(int count, Instant until) {
    }
}
