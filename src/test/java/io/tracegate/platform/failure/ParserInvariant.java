package io.tracegate.platform.failure;

import java.time.Duration;

/**
 * What every parser of uploaded or imported files promises, for the fuzz tests: any input is either read
 * or refused with {@link InvalidInput} (which the API answers with 400 problem+json naming the field), never
 * another exception or error, and within bounded time.
 */
public final class ParserInvariant {

    /** Far above what any seed needs on a loaded machine; a parser that loops or backtracks crosses it. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private ParserInvariant() {
    }

    /** Runs {@code parse}; an {@link InvalidInput} is the documented refusal, anything else fails the fuzz test. */
    public static void readsOrRefuses(ThrowingRunnable parse) {
        long start = System.nanoTime();
        try {
            parse.run();
        } catch (InvalidInput refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new AssertionError("a refusal without a message", refused);
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("not the documented refusal (InvalidInput → 400): " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(BOUND) > 0) {
            throw new AssertionError("took " + took + ", more than " + BOUND);
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
