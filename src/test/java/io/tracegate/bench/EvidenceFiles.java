package io.tracegate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The evidence of the package benchmark as plain files in one folder (fixed seed), which is also what the
 * peer archives: one file in twenty a small KPI CSV with a recall value for the requirement it names, the
 * others random bytes (as incompressible as recordings and logs that CI compresses) named {@code .log} or
 * {@code .bin}, stored without parsing. Sizes vary between 0.2 and 1.8 times the mean; the last file makes
 * the total exact. Each file names one ML requirement, round-robin.
 */
final class EvidenceFiles {

    /** One file written, with what its upload declares. */
    record File(String name, long size, String sha256, String requirement) {
    }

    private EvidenceFiles() {
    }

    static List<File> write(Path dir, int count, long totalBytes, int requirements) throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        int first = BaselineRepository.GOALS + BaselineRepository.FSRS;
        List<byte[]> csvs = new ArrayList<>();
        long csvBytes = 0;
        for (int i = 0; i < count; i += 20) {
            byte[] csv = ("metric,value,unit,class,set\nrecall," + (0.9 + random.nextInt(100) / 1000.0)
                    + ",,pedestrian,night-hil\n").getBytes(StandardCharsets.UTF_8);
            csvs.add(csv);
            csvBytes += csv.length;
        }
        int opaque = count - csvs.size();
        long mean = (totalBytes - csvBytes) / opaque;
        long left = totalBytes - csvBytes;
        List<File> files = new ArrayList<>(count);
        byte[] buffer = new byte[1 << 20];
        int opaqueSeen = 0;
        for (int i = 0; i < count; i++) {
            String requirement = BaselineRepository.idOf(first + i % (requirements - first));
            if (i % 20 == 0) {
                byte[] csv = csvs.get(i / 20);
                String name = String.format("kpi-%05d.csv", i);
                Files.write(dir.resolve(name), csv);
                files.add(new File(name, csv.length, sha256(csv), requirement));
                continue;
            }
            opaqueSeen++;
            long size = opaqueSeen == opaque ? left : (long) (mean * (0.2 + 1.6 * random.nextDouble()));
            size = Math.max(1, Math.min(size, left - (opaque - opaqueSeen)));
            left -= size;
            String name = String.format("run-%05d.%s", i, i % 2 == 0 ? "bin" : "log");
            files.add(new File(name, size, writeRandom(dir.resolve(name), size, random, buffer), requirement));
        }
        return files;
    }

    private static String writeRandom(Path file, long size, SplittableRandom random, byte[] buffer) throws IOException {
        MessageDigest sha = sha();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; ) {
                int n = (int) Math.min(buffer.length, size - written);
                for (int i = 0; i < n; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8 && i + b < n; b++) {
                        buffer[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                sha.update(buffer, 0, n);
                out.write(ByteBuffer.wrap(buffer, 0, n));
                written += n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha().digest(bytes));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
