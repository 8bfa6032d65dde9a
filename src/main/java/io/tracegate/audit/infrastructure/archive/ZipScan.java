package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * One pass over an uploaded package ZIP, in bounded memory: the entry names of the central directory and of
 * the local headers (a ZIP can hide entries from one of them), each entry's SHA-256 and size computed while it
 * streams, the small control files kept, report.pdf copied to a work file. Limits on entries, names and
 * inflated bytes keep a hostile archive (THREATS T5, T6) from costing more than its checks.
 */
final class ZipScan {

    static final int MAX_ENTRIES = 100_000;
    static final int MAX_CONTROL_BYTES = 64 << 20;
    /**
     * Inflated bytes allowed per byte of the archive. Tracegate's packages are STORED (ratio 1); a package
     * someone re-zipped with compression stays well below this unless it is a bomb.
     */
    static final int MAX_RATIO = 100;

    /** What a scan found; {@code problem} is set when the archive could not be read to its end. */
    record Result(List<String> centralNames, List<String> localNames, Map<String, String> digests,
                  Map<String, Long> sizes, Map<String, byte[]> control, Path report, String problem) {
    }

    private ZipScan() {
    }

    static Result scan(Path zip, Path reportCopy) {
        List<String> central = new ArrayList<>();
        List<String> local = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        Map<String, byte[]> control = new HashMap<>();
        Path report = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(file.entries())) {
                central.add(e.getName());
                if (central.size() > MAX_ENTRIES) {
                    return new Result(central, local, digests, sizes, control, null, "more than " + MAX_ENTRIES + " entries");
                }
            }
        } catch (IOException e) {
            return new Result(central, local, digests, sizes, control, null, "not a readable ZIP: " + e.getMessage());
        }
        long budget = Math.max(Files.isRegularFile(zip) ? sizeOf(zip) * MAX_RATIO : 0, 1L << 20);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            byte[] buffer = new byte[1 << 16];
            while ((e = in.getNextEntry()) != null) {
                local.add(e.getName());
                if (local.size() > MAX_ENTRIES) {
                    return new Result(central, local, digests, sizes, control, report, "more than " + MAX_ENTRIES + " entries");
                }
                boolean isControl = isControl(e.getName());
                boolean isReport = e.getName().equals(PackageLayout.REPORT) && report == null;
                MessageDigest sha = HashedFile.digester();
                ByteArrayOutputStream kept = isControl ? new ByteArrayOutputStream() : null;
                long size = 0;
                try (OutputStream copy = isReport ? Files.newOutputStream(reportCopy) : OutputStream.nullOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        budget -= n;
                        if (budget < 0) {
                            return new Result(central, local, digests, sizes, control, report,
                                    "the entries inflate to more than " + MAX_RATIO + " times the archive's size");
                        }
                        if (kept != null && size > MAX_CONTROL_BYTES) {
                            return new Result(central, local, digests, sizes, control, report,
                                    e.getName() + " is larger than " + MAX_CONTROL_BYTES + " bytes");
                        }
                        sha.update(buffer, 0, n);
                        copy.write(buffer, 0, n);
                        if (kept != null) {
                            kept.write(buffer, 0, n);
                        }
                    }
                }
                if (isReport) {
                    report = reportCopy;
                }
                // The first entry of a name wins here; duplicates are refused by the verifier anyway.
                digests.putIfAbsent(e.getName(), HexFormat.of().formatHex(sha.digest()));
                sizes.putIfAbsent(e.getName(), size);
                if (kept != null) {
                    control.putIfAbsent(e.getName(), kept.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Result(central, local, digests, sizes, control, report, "the ZIP cannot be read to its end: "
                    + e.getMessage());
        }
        return new Result(central, local, digests, sizes, control, report, null);
    }

    private static boolean isControl(String name) {
        return name.equals(PackageLayout.SUMS) || name.equals(PackageLayout.SUMS_SIGNATURE)
                || name.equals(PackageLayout.MANIFEST) || name.equals(PackageLayout.CERTIFICATE)
                || name.equals(PackageLayout.RELEASE_MANIFEST);
    }

    private static long sizeOf(Path zip) {
        try {
            return Files.size(zip);
        } catch (IOException e) {
            return 0;
        }
    }
}
