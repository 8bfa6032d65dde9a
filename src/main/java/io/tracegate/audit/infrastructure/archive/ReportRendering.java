package io.tracegate.audit.infrastructure.archive;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;

/**
 * The report rendered on a thread of its own while the stored files are still being copied: both take
 * seconds for a large release and neither needs the other, so on two cores they overlap. Progress is still
 * reported by the caller alone.
 */
final class ReportRendering {

    private final FutureTask<Void> task;

    private ReportRendering(Runnable render) {
        this.task = new FutureTask<>(render, null);
    }

    static ReportRendering start(ThreadFactory threads, Runnable render) {
        ReportRendering rendering = new ReportRendering(render);
        threads.newThread(rendering.task).start();
        return rendering;
    }

    /** Waits for the report; its failure is thrown here, as if it had been rendered on this thread. */
    void await() {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("rendering the report failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the report", e);
        }
    }

    /**
     * Waits for the report without caring how it ended, when the package failed anyway: the work folder
     * it writes into may only be removed once it has stopped. PDFBox cannot be interrupted.
     */
    void settle() {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (ExecutionException ignored) {
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
