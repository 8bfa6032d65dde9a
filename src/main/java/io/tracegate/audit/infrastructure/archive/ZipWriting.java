package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.OpenPackage;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.domain.PackageProgress;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.audit.infrastructure.report.ReportRenderer;
import io.tracegate.audit.infrastructure.signing.CmsSignatures;
import io.tracegate.audit.infrastructure.signing.Pem;
import io.tracegate.audit.infrastructure.signing.SigningKey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One package being written, reading each stored file once. The stored files go in first, each checked on
 * the way against the CRC-32 recorded at upload and, where the file says so, hashed again against its SHA-256;
 * they are copied on a thread of their own from {@link #start} on (the package being opened), while the caller
 * still reads the content.
 * {@link #finish} then writes the small generated files and manifest.json (over the digests the database
 * recorded), renders the report (with manifest.json attached) while the copy goes on, and closes the ZIP with
 * the report, SHA256SUMS and its signature. A stored file that no longer matches its record fails the package.
 *
 * <p>Stored entries carry their upload time; the generated ones the package's content time. Both are facts
 * of the release's state, so the same state gives the same bytes.
 */
final class ZipWriting implements OpenPackage {

    private static final long PROGRESS_EVERY_MILLIS = 250;

    private final List<SourceFile> files;
    private final Path target;
    private final Path work;
    private final SigningKey key;
    private final String generator;
    private final ThreadFactory threads;
    private final PackageFile file;
    private final HashingWriter hashing;
    private final DeterministicZip zip;
    private final StoredFilesCopy copy;
    private final FutureTask<long[]> copying;
    private boolean closed;

    private ZipWriting(List<SourceFile> files, Path target, Path work, SigningKey key, String generator,
                       ThreadFactory threads) throws IOException {
        this.files = List.copyOf(files);
        this.target = target;
        this.work = work;
        this.key = key;
        this.generator = generator;
        this.threads = threads;
        this.file = PackageFile.create(target);
        this.hashing = new HashingWriter(file, threads);
        this.zip = new DeterministicZip(hashing);
        this.copy = new StoredFilesCopy(this.files, zip, hashing);
        this.copying = new FutureTask<>(copy);
    }

    static ZipWriting start(List<SourceFile> files, Path target, SigningKey key, String generator,
                            ThreadFactory threads) {
        Path work = null;
        try {
            work = Files.createTempDirectory(target.toAbsolutePath().getParent(), "package-work-");
            ZipWriting writing = new ZipWriting(files, target, work, key, generator, threads);
            try {
                threads.newThread(writing.copying).start();
            } catch (RuntimeException e) {
                // no thread will run the copy: let close() stop the writer's threads without waiting for it
                writing.copying.cancel(false);
                writing.close();
                throw e;
            }
            return writing;
        } catch (IOException e) {
            deleteTree(work);
            throw new UncheckedIOException("cannot start writing the audit package", e);
        }
    }

    @Override
    public BuiltPackage finish(PackageContent content, PackageProgress progress) {
        if (closed) {
            throw new IllegalStateException("this package was finished or given up already");
        }
        try {
            List<HashedFile> generated = new ArrayList<>();
            generated.add(written(PackageLayout.RELEASE_MANIFEST, FileRole.RELEASE_MANIFEST,
                    content.releaseManifest().getBytes(StandardCharsets.UTF_8)));
            Path csv = work.resolve(PackageLayout.TRACEABILITY);
            TraceabilityCsv.write(content, csv);
            generated.add(HashedFile.of(PackageLayout.TRACEABILITY, FileRole.TRACEABILITY, csv, null));
            generated.add(written(PackageLayout.CERTIFICATE, FileRole.SIGNING_CERTIFICATE,
                    Pem.of(key.chain()).getBytes(StandardCharsets.US_ASCII)));
            // manifest.json, the report and SHA256SUMS list the digests the database recorded; the stored files
            // are checked against them as they are copied, and any that no longer matches fails the package.
            List<HashedFile> stored = files.stream().map(f -> HashedFile.recorded(f.path(), f.role(), f.location(),
                    f.sha256(), f.size(), f.originalName())).toList();
            List<HashedFile> recorded = new ArrayList<>(generated);
            recorded.addAll(stored);
            byte[] manifest = ManifestJson.of(content, generator, key.fingerprint(), recorded);
            HashedFile manifestFile = written(PackageLayout.MANIFEST, FileRole.MANIFEST, manifest);
            Path report = work.resolve(PackageLayout.REPORT);
            ReportRendering rendering = ReportRendering.start(threads,
                    () -> ReportRenderer.render(content, key, generator, manifest, report));
            try {
                long[] crcs = awaitCopy(progress);
                progress.reached(PackageStep.RENDERING_REPORT, 0, 0);
                rendering.await();
                Instant time = content.asOf();
                zip.add(manifestFile, time);
                for (HashedFile f : generated) {
                    zip.add(f, time);
                }
                HashedFile reportFile = HashedFile.of(PackageLayout.REPORT, FileRole.REPORT, report, null);
                zip.add(reportFile, time);
                List<HashedFile> listed = new ArrayList<>();
                listed.add(reportFile);
                listed.add(manifestFile);
                listed.addAll(generated);
                listed.addAll(stored);
                byte[] sums = Sha256Sums.of(listed);
                zip.add(written(PackageLayout.SUMS, FileRole.CHECKSUMS, sums), time);
                zip.add(written(PackageLayout.SUMS_SIGNATURE, FileRole.CHECKSUMS_SIGNATURE,
                        CmsSignatures.signDetached(key, new ByteArrayInputStream(sums))), time);
                zip.finish();
                hashing.close(); // waits for the hashers, and fails if a re-hashed file did not match
                file.close();
                return built(crcs, hashing.digest());
            } catch (RuntimeException | Error | IOException e) {
                rendering.settle();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit package", e);
        } finally {
            close();
        }
    }

    /** Waits for the stored files, passing the copy's progress on from this thread; its failure is thrown here. */
    private long[] awaitCopy(PackageProgress progress) throws IOException {
        while (true) {
            copy.report(progress);
            try {
                return copying.get(PROGRESS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still copying: report again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the stored files were copied", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("copying the stored files failed", cause);
            }
        }
    }

    private BuiltPackage built(long[] crcs, byte[] digest) throws IOException {
        Map<String, Long> computed = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).crc32().isEmpty()) {
                computed.put(files.get(i).sha256(), crcs[i]);
            }
        }
        Set<String> rehashed = files.stream().filter(SourceFile::rehash).map(SourceFile::sha256)
                .collect(Collectors.toSet());
        return new BuiltPackage(target, HexFormat.of().formatHex(digest), Files.size(target), computed, rehashed);
    }

    /**
     * Stops the copy if it still runs and waits for it (its files and the writer's threads must be let go
     * before the work folder and the ZIP can be removed), then closes the ZIP's file. The ZIP itself is the
     * caller's to delete.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        copy.stop();
        boolean interrupted = false;
        while (true) {
            try {
                copying.get();
                break;
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            hashing.close();
        } catch (IOException | RuntimeException ignored) {
            // a finished package closed it already; a failed one reported why
        }
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing more can be written to it
        }
        deleteTree(work);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private HashedFile written(String name, FileRole role, byte[] bytes) throws IOException {
        Path path = work.resolve(name);
        Files.write(path, bytes);
        return HashedFile.of(name, role, path, null);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // work files in the staging area; the sweeper removes what is left
        }
    }
}
