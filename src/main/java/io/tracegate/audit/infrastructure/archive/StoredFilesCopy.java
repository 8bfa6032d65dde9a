package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageProgress;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;

/**
 * Copies every stored file into the ZIP, first entries first, on a thread of its own while the release's
 * state is still being read; gives the CRC-32 of each. Its progress is only recorded here: the caller's
 * thread passes it on, as only that thread may call the container. {@link #stop()} makes it give up at its
 * next read.
 */
final class StoredFilesCopy implements Callable<long[]> {

    private record Progress(PackageStep step, long done, long total) {
    }

    private final List<SourceFile> files;
    private final DeterministicZip zip;
    private final HashingWriter hashing;
    private volatile Progress progress = new Progress(PackageStep.WRITING_ARCHIVE, 0, 0);
    private volatile boolean stopped;

    StoredFilesCopy(List<SourceFile> files, DeterministicZip zip, HashingWriter hashing) {
        this.files = List.copyOf(files);
        this.zip = zip;
        this.hashing = hashing;
    }

    @Override
    public long[] call() throws IOException {
        long[] crcs = knownCrcs();
        LongConsumer copied = counting(PackageStep.WRITING_ARCHIVE, files.stream().mapToLong(SourceFile::size).sum());
        CheckedCopy copy = new CheckedCopy();
        for (int i = 0; i < crcs.length; i++) {
            copy.copy(files.get(i), crcs[i], zip, hashing, copied);
        }
        return crcs;
    }

    /** Tells {@code to} how far the copy has got. */
    void report(PackageProgress to) {
        Progress p = progress;
        to.reached(p.step(), p.done(), p.total());
    }

    void stop() {
        stopped = true;
    }

    /**
     * Each stored file's CRC-32, which its STORED entry needs ahead of its bytes: recorded at upload, or, for
     * files stored before that was done, computed here in a read of their own.
     */
    private long[] knownCrcs() throws IOException {
        long[] crcs = new long[files.size()];
        long missingBytes = files.stream().filter(f -> f.crc32().isEmpty()).mapToLong(SourceFile::size).sum();
        boolean anyMissing = files.stream().anyMatch(f -> f.crc32().isEmpty());
        // Announce the step only when there is something to read: announced for nothing, it showed in the progress
        // whenever the reporting thread looked in between (a test saw it under load).
        LongConsumer read = anyMissing ? counting(PackageStep.COMPUTING_CRCS, missingBytes) : bytes -> { };
        CheckedCopy reader = new CheckedCopy();
        for (int i = 0; i < crcs.length; i++) {
            SourceFile f = files.get(i);
            crcs[i] = f.crc32().isPresent() ? f.crc32().getAsLong() : reader.crc32(f, read);
        }
        return crcs;
    }

    private LongConsumer counting(PackageStep step, long total) {
        progress = new Progress(step, 0, total);
        return bytes -> {
            if (stopped) {
                throw new CancellationException("the package was given up");
            }
            Progress p = progress;
            progress = new Progress(step, p.done() + bytes, total);
        };
    }
}
