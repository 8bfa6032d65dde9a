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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a package together in a work folder beside the target: the stored files are hashed (and refused if
 * they no longer match the digest the database recorded), the small generated files written, manifest.json
 * built over their digests, the report rendered with manifest.json attached, SHA256SUMS written and signed,
 * and everything streamed into the ZIP in a fixed order.
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
            List<HashedFile> hashed = new ArrayList<>();
            hashed.add(written(work, PackageLayout.RELEASE_MANIFEST, FileRole.RELEASE_MANIFEST,
                    content.releaseManifest().getBytes(StandardCharsets.UTF_8)));
            Path csv = work.resolve(PackageLayout.TRACEABILITY);
            TraceabilityCsv.write(content, csv);
            hashed.add(HashedFile.of(PackageLayout.TRACEABILITY, FileRole.TRACEABILITY, csv, null));
            hashed.add(written(work, PackageLayout.CERTIFICATE, FileRole.SIGNING_CERTIFICATE,
                    Pem.of(key.chain()).getBytes(StandardCharsets.US_ASCII)));
            // manifest.json and the report are built from the digests the database recorded; the stored files are
            // re-hashed meanwhile, and any that no longer matches its record fails the package, so a package is
            // only ever made when the two agree and the bytes are the same as if they had been built in turn.
            List<HashedFile> recorded = new ArrayList<>(hashed);
            files.forEach(f -> recorded.add(HashedFile.recorded(f.path(), f.role(), f.location(), f.sha256(), f.size(),
                    f.originalName())));
            byte[] manifest = ManifestJson.of(content, generator, key.fingerprint(), recorded);
            HashedFile manifestFile = written(work, PackageLayout.MANIFEST, FileRole.MANIFEST, manifest);
            Path report = work.resolve(PackageLayout.REPORT);
            ReportRendering rendering = ReportRendering.start(
                    () -> ReportRenderer.render(content, key, generator, manifest, report));
            try {
                long storedBytes = files.stream().mapToLong(SourceFile::size).sum();
                long checked = 0;
                progress.reached(PackageStep.CHECKING_STORED_FILES, 0, storedBytes);
                for (SourceFile f : files) {
                    hashed.add(stored(f));
                    checked += f.size();
                    progress.reached(PackageStep.CHECKING_STORED_FILES, checked, storedBytes);
                }
                progress.reached(PackageStep.RENDERING_REPORT, 0, 0);
                rendering.await();
            } catch (RuntimeException | Error e) {
                rendering.settle();
                throw e;
            }

            List<HashedFile> listed = new ArrayList<>();
            listed.add(HashedFile.of(PackageLayout.REPORT, FileRole.REPORT, report, null));
            listed.add(manifestFile);
            listed.addAll(hashed);
            byte[] sums = Sha256Sums.of(listed);
            HashedFile sumsFile = written(work, PackageLayout.SUMS, FileRole.CHECKSUMS, sums);
            HashedFile signature = written(work, PackageLayout.SUMS_SIGNATURE, FileRole.CHECKSUMS_SIGNATURE,
                    CmsSignatures.signDetached(key, new ByteArrayInputStream(sums)));
            listed.add(sumsFile);
            listed.add(signature);
            return zip(listed, content, target, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit package", e);
        } finally {
            deleteTree(work);
        }
    }

    /** A stored file, refused when its bytes no longer hash to what was recorded when it was uploaded. */
    private static HashedFile stored(SourceFile f) {
        HashedFile h = HashedFile.of(f.path(), f.role(), f.location(), f.originalName());
        if (!h.sha256().equals(f.sha256()) || h.size() != f.size()) {
            throw new IllegalStateException("stored file " + f.originalName() + " (" + f.location() + ") hashes to "
                    + h.sha256() + " (" + h.size() + " bytes), not to the recorded " + f.sha256() + " (" + f.size()
                    + " bytes): the blob store is damaged; no package is made from it");
        }
        return h;
    }

    private static HashedFile written(Path work, String name, FileRole role, byte[] bytes) throws IOException {
        Path file = work.resolve(name);
        Files.write(file, bytes);
        return HashedFile.of(name, role, file, null);
    }

    private static BuiltPackage zip(List<HashedFile> entries, PackageContent content, Path target,
                                    PackageProgress progress) throws IOException {
        long total = entries.stream().mapToLong(HashedFile::size).sum();
        long written = 0;
        progress.reached(PackageStep.WRITING_ARCHIVE, 0, total);
        HashingWriter hashing = new HashingWriter(Files.newOutputStream(target));
        try (hashing; DeterministicZip zip = new DeterministicZip(hashing, content.asOf())) {
            for (HashedFile entry : entries) {
                zip.add(entry);
                written += entry.size();
                progress.reached(PackageStep.WRITING_ARCHIVE, written, total);
            }
        }
        return new BuiltPackage(target, HexFormat.of().formatHex(hashing.digest()), Files.size(target));
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
