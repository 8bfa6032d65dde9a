package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Parses requirement files in chunks on an executor while the Git walk goes on (the JGit reader stays on the
 * walking thread: it is not thread-safe). At most a few chunks are in flight, so memory stays bounded
 * however big the repository. The outcome is exactly that of parsing one file after the other: drafts and
 * problems in the order of the walk, every problem of every file, and the first other failure in walk order
 * rethrown. One instance serves one read, on one thread.
 */
final class ChunkedParsing {

    private static final int CHUNK_FILES = 256;
    private static final long CHUNK_BYTES = 1 << 20;

    /** A requirement file's content, read from Git, waiting to be parsed. */
    record RequirementFile(String path, String version, RequirementFormat format, byte[] content) {
    }

    /** A parse failure other than a rejection, kept to be rethrown in walk order. */
    private record Failure(RuntimeException cause) {
    }

    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final List<Future<List<Object>>> chunks = new ArrayList<>();
    private List<Object> chunk = new ArrayList<>();
    private long chunkBytes;

    /** @param parallelism how many chunks may be parsed at once (twice as many may wait) */
    ChunkedParsing(ExecutorService executor, int parallelism) {
        this.executor = executor;
        this.inFlight = new Semaphore(2 * Math.max(1, parallelism));
    }

    /** A file to parse, in walk order. */
    void add(RequirementFile file) {
        chunk.add(file);
        chunkBytes += file.content().length;
        if (chunk.size() >= CHUNK_FILES || chunkBytes >= CHUNK_BYTES) {
            submit();
        }
    }

    /** A problem found before parsing (a file too large), in walk order. */
    void problem(ImportProblem problem) {
        chunk.add(problem);
    }

    private void submit() {
        List<Object> items = chunk;
        chunk = new ArrayList<>();
        chunkBytes = 0;
        if (items.isEmpty()) {
            return;
        }
        try {
            inFlight.acquire();
            try {
                chunks.add(executor.submit(() -> {
                    try {
                        return parse(items);
                    } finally {
                        inFlight.release();
                    }
                }));
            } catch (RejectedExecutionException e) {
                inFlight.release();
                chunks.add(CompletableFuture.completedFuture(parse(items)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading requirement files", e);
        }
    }

    /** Parses one chunk: per item, its drafts, or the problems it has, or the failure it raised. */
    private static List<Object> parse(List<Object> items) {
        List<Object> outcomes = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof RequirementFile file) {
                try {
                    outcomes.add(file.format().read(file.path(), new ByteArrayInputStream(file.content()), file.version()));
                } catch (BaselineRejected e) {
                    outcomes.add(e);
                } catch (RuntimeException e) {
                    outcomes.add(new Failure(e));
                }
            } else {
                outcomes.add(item);
            }
        }
        return outcomes;
    }

    /** Waits for every chunk; the drafts in walk order, or every problem found. */
    List<RequirementDraft> finish() {
        submit();
        List<RequirementDraft> drafts = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Future<List<Object>> future : chunks) {
            for (Object outcome : outcomeOf(future)) {
                if (outcome instanceof Failure failure) {
                    throw failure.cause();
                } else if (outcome instanceof BaselineRejected rejected) {
                    problems.addAll(rejected.problems());
                } else if (outcome instanceof ImportProblem problem) {
                    problems.add(problem);
                } else {
                    @SuppressWarnings("unchecked")
                    List<RequirementDraft> read = (List<RequirementDraft>) outcome;
                    drafts.addAll(read);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BaselineRejected(problems);
        }
        return drafts;
    }

    private static List<Object> outcomeOf(Future<List<Object>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading requirement files", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("parsing failed", e.getCause());
        }
    }

    /** Stops chunks still queued or running when the read ends early (a limit crossed, a failure). */
    void cancel() {
        chunks.forEach(future -> future.cancel(true));
    }
}
