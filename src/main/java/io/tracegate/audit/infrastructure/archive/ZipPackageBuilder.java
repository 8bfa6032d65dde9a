package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.PackageBuilder;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts a package together in a work folder beside the target, reading each stored file once: the small
 * generated files are written, manifest.json built over the digests the database recorded, the report
 * rendered (with manifest.json attached) on a thread of its own while the stored files are streamed into
 * the ZIP, each checked on the way against the CRC-32 recorded at upload and, where the file says so,
 * hashed again against its SHA-256; then the report, SHA256SUMS and its signature close the ZIP. A stored
 * file that no longer matches its record fails the package.
 */
public final class ZipPackageBuilder implements PackageBuilder {

    private final SigningKey key;
    private final String generator;

    public ZipPackageBuilder(SigningKey key, String generator) {
        this.key = key;
        this.generator = generator;
    }

    @Override
    public BuiltPackage build(PackageContent content, List<SourceFile> files, Path target, PackageProgress progress) {
        Path work = null;
        try {
            work = Files.createTempDirectory(target.toAbsolutePath().getParent(), "package-work-");
            List<HashedFile> generated = new ArrayList<>();
            generated.add(written(work, PackageLayout.RELEASE_MANIFEST, FileRole.RELEASE_MANIFEST,
                    content.releaseManifest().getBytes(StandardCharsets.UTF_8)));
            Path csv = work.resolve(PackageLayout.TRACEABILITY);
            TraceabilityCsv.write(content, csv);
            generated.add(HashedFile.of(PackageLayout.TRACEABILITY, FileRole.TRACEABILITY, csv, null));
            generated.add(written(work, PackageLayout.CERTIFICATE, FileRole.SIGNING_CERTIFICATE,
                    Pem.of(key.chain()).getBytes(StandardCharsets.US_ASCII)));
            // manifest.json, the report and SHA256SUMS list the digests the database recorded; the stored files
            // are checked against them as they are copied, and any that no longer matches fails the package.
            List<HashedFile> stored = files.stream().map(f -> HashedFile.recorded(f.path(), f.role(), f.location(),
                    f.sha256(), f.size(), f.originalName())).toList();
            List<HashedFile> recorded = new ArrayList<>(generated);
            recorded.addAll(stored);
            byte[] manifest = ManifestJson.of(content, generator, key.fingerprint(), recorded);
            HashedFile manifestFile = written(work, PackageLayout.MANIFEST, FileRole.MANIFEST, manifest);
            Path report = work.resolve(PackageLayout.REPORT);
            ReportRendering rendering = ReportRendering.start(
                    () -> ReportRenderer.render(content, key, generator, manifest, report));
            long[] crcs;
            byte[] digest;
            try (PackageFile file = PackageFile.create(target); HashingWriter hashing = new HashingWriter(file)) {
                DeterministicZip zip = new DeterministicZip(hashing, content.asOf());
                crcs = knownCrcs(files, progress);
                zip.add(manifestFile);
                for (HashedFile f : generated) {
                    zip.add(f);
                }
                copyStored(files, crcs, zip, hashing, progress);
                progress.reached(PackageStep.RENDERING_REPORT, 0, 0);
                rendering.await();
                HashedFile reportFile = HashedFile.of(PackageLayout.REPORT, FileRole.REPORT, report, null);
                zip.add(reportFile);

                List<HashedFile> listed = new ArrayList<>();
                listed.add(reportFile);
                listed.add(manifestFile);
                listed.addAll(generated);
                listed.addAll(stored);
                byte[] sums = Sha256Sums.of(listed);
                zip.add(written(work, PackageLayout.SUMS, FileRole.CHECKSUMS, sums));
                zip.add(written(work, PackageLayout.SUMS_SIGNATURE, FileRole.CHECKSUMS_SIGNATURE,
                        CmsSignatures.signDetached(key, new ByteArrayInputStream(sums))));
                zip.finish();
                hashing.close(); // waits for the hashers, and fails if a re-hashed file did not match
                digest = hashing.digest();
            } catch (RuntimeException | Error | IOException e) {
                rendering.settle();
                throw e;
            }
            Map<String, Long> computed = new HashMap<>();
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).crc32().isEmpty()) {
                    computed.put(files.get(i).sha256(), crcs[i]);
                }
            }
            Set<String> rehashed = files.stream().filter(SourceFile::rehash).map(SourceFile::sha256)
                    .collect(Collectors.toSet());
            return new BuiltPackage(target, HexFormat.of().formatHex(digest), Files.size(target), computed,
                    rehashed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit package", e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Each stored file's CRC-32, which its STORED entry needs ahead of its bytes: recorded at upload, or, for
     * files stored before that was done, computed here in a read of their own.
     */
    private static long[] knownCrcs(List<SourceFile> files, PackageProgress progress) throws IOException {
        long[] crcs = new long[files.size()];
        long missingBytes = files.stream().filter(f -> f.crc32().isEmpty()).mapToLong(SourceFile::size).sum();
        Counter read = new Counter(PackageStep.COMPUTING_CRCS, missingBytes, progress);
        CheckedCopy reader = new CheckedCopy();
        for (int i = 0; i < crcs.length; i++) {
            SourceFile f = files.get(i);
            crcs[i] = f.crc32().isPresent() ? f.crc32().getAsLong() : reader.crc32(f, read);
        }
        return crcs;
    }

    private static void copyStored(List<SourceFile> files, long[] crcs, DeterministicZip zip, HashingWriter hashing,
                                   PackageProgress progress) throws IOException {
        Counter copied = new Counter(PackageStep.WRITING_ARCHIVE, files.stream().mapToLong(SourceFile::size).sum(),
                progress);
        CheckedCopy copy = new CheckedCopy();
        for (int i = 0; i < crcs.length; i++) {
            copy.copy(files.get(i), crcs[i], zip, hashing, copied);
        }
    }

    /** Bytes done in one step, reported as they grow (the progress throttles its writes itself). */
    private static final class Counter implements LongConsumer {
        private final PackageStep step;
        private final long total;
        private final PackageProgress progress;
        private long done;

        Counter(PackageStep step, long total, PackageProgress progress) {
            this.step = step;
            this.total = total;
            this.progress = progress;
            if (total > 0) {
                progress.reached(step, 0, total);
            }
        }

        @Override
        public void accept(long bytes) {
            done += bytes;
            progress.reached(step, done, total);
        }
    }

    private static HashedFile written(Path work, String name, FileRole role, byte[] bytes) throws IOException {
        Path file = work.resolve(name);
        Files.write(file, bytes);
        return HashedFile.of(name, role, file, null);
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
