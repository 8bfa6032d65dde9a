package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageBuilder;
import io.tracegate.audit.domain.OpenPackage;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.audit.infrastructure.signing.SigningKey;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Writes packages as deterministic ZIPs (see {@link ZipWriting}). The one place where writing a package is made
 * fast: an opened package starts copying its stored files at once, on threads from the given factory (the
 * container's managed one in the application, plain daemon threads in tests), while its caller still reads the
 * content; hashing, writing and the report have threads of their own. None of this shows in the port.
 */
public final class ZipPackageBuilder implements PackageBuilder {

    /** Threads for tests and tools outside a container. */
    static final ThreadFactory DAEMONS = work -> {
        Thread thread = new Thread(work, "package-writer");
        thread.setDaemon(true);
        return thread;
    };

    private final SigningKey key;
    private final String generator;
    private final ThreadFactory threads;

    public ZipPackageBuilder(SigningKey key, String generator) {
        this(key, generator, DAEMONS);
    }

    public ZipPackageBuilder(SigningKey key, String generator, ThreadFactory threads) {
        this.key = key;
        this.generator = generator;
        this.threads = threads;
    }

    @Override
    public OpenPackage open(List<SourceFile> files, Path target) {
        return ZipWriting.start(files, target, key, generator, threads);
    }
}
