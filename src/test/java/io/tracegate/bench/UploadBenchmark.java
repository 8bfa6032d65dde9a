package io.tracegate.bench;

import io.tracegate.it.ServerProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads random files of 1 GiB and 4 GiB to a Tracegate running with {@code -Xmx256m} and prints the
 * upload throughput next to {@code openssl dgst -sha256} of the same file, plus the server's peak heap
 * during each upload (sampled from MicroProfile Metrics), to show that memory does not grow with size.
 *
 * <p>Usage: {@code mvn -Pbench verify} (sizes with {@code -Dbench.upload.sizes=1,4}, in GiB).
 */
public final class UploadBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("mira:tracegate-demo".getBytes(StandardCharsets.UTF_8));
    private static final long GIB = 1L << 30;
    /** Each size is measured this many times and the median reported: the virtual disk here is noisy. */
    private static final int ROUNDS = 3;

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path payara = Path.of(args[1]);
        Path war = Path.of(args[2]);
        String[] sizes = (args.length > 3 ? args[3] : "1,4").split(",");
        Path work = Files.createDirectories(target.resolve("bench/upload"));
        Path data = work.resolve("data");
        deleteTree(data);
        Files.createDirectories(data);

        System.out.println("Starting Tracegate with -Xmx256m (log: " + work.resolve("server.log") + ") ...");
        try (ServerProcess server = ServerProcess.start(payara, war, data, "256m", work.resolve("server.log"), Map.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long release = openRelease(http, server.base());
            warmUp(http, server.base(), release, work);
            System.out.printf("%n%-8s %14s %14s %14s %10s %16s %16s%n", "size", "openssl MB/s", "disk MB/s", "upload MB/s", "ratio",
                    "peak heap MB", "heap limit MB");
            for (String gib : sizes) {
                long size = Long.parseLong(gib.trim()) * GIB;
                Path file = work.resolve("random-" + gib.trim() + "g.bin");
                writeRandom(file, size);
                String sha = openssl(file);
                double[] opensslSeconds = new double[ROUNDS];
                double[] uploadSeconds = new double[ROUNDS];
                double[] diskSeconds = new double[ROUNDS];
                HeapSampler heap = new HeapSampler(http, server.base());
                heap.start();
                for (int round = 0; round < ROUNDS; round++) {
                    settleDisk();
                    long opensslStart = System.nanoTime();
                    openssl(file);
                    opensslSeconds[round] = (System.nanoTime() - opensslStart) / 1e9;
                    settleDisk();
                    long diskStart = System.nanoTime();
                    durableCopy(file, data.resolve("disk-probe.bin"));
                    diskSeconds[round] = (System.nanoTime() - diskStart) / 1e9;
                    settleDisk();
                    long uploadStart = System.nanoTime();
                    String status = curlUpload(server.base().resolve("api/releases/" + release + "/artifacts/random-"
                            + gib.trim() + "g-" + round + ".bin?kind=OTHER&sha256=" + sha), file);
                    uploadSeconds[round] = (System.nanoTime() - uploadStart) / 1e9;
                    if (!status.equals("201")) {
                        throw new IllegalStateException("upload failed with HTTP " + status);
                    }
                }
                heap.finish();
                double mb = size / 1e6;
                double openssl = median(opensslSeconds);
                double upload = median(uploadSeconds);
                double disk = median(diskSeconds);
                System.out.printf("%-8s %14.0f %14.0f %14.0f %9.2fx %16.0f %16.0f   uploads: %s s%n", gib.trim() + " GiB",
                        mb / openssl, mb / disk, mb / upload, openssl / upload, heap.peak.get() / 1e6, heap.max.get() / 1e6,
                        java.util.Arrays.toString(uploadSeconds).replaceAll("(\\.\\d{2})\\d+", "$1"));
                Files.delete(file);
            }
        }
        deleteTree(data);
        System.out.println("\nupload = curl -T over loopback (HTTP/1.1 PUT), SHA-256 verified, fsync'd and renamed into the blob store; "
                + "ratio = upload throughput / openssl dgst -sha256 throughput (goal >= 0.5); "
                + "medians of " + ROUNDS + " rounds, with a sync before each measurement; "
                + "disk = copying the file and fsyncing it, the ceiling for any durable upload on this machine.");
    }

    /** A freshly started JVM hashes at half speed until the JIT has compiled the hot loop; measure it warm. */
    private static void warmUp(HttpClient http, URI base, long release, Path work) throws Exception {
        Path file = work.resolve("warm-up.bin");
        writeRandom(file, GIB);
        String sha = openssl(file);
        for (int round = 0; round < 2; round++) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve(
                            "api/releases/" + release + "/artifacts/warm-up.bin?kind=OTHER&sha256=" + sha))
                    .header("Authorization", AUTH).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() >= 300) {
                throw new IllegalStateException("warm-up upload failed: " + reply.statusCode() + " " + reply.body());
            }
        }
        Files.delete(file);
        System.out.println("Warmed up with 2 uploads of 1 GiB (not counted).");
    }

    private static long openRelease(HttpClient http, URI base) throws Exception {
        String model = "bench-" + Long.toString(System.nanoTime(), 36);
        post(http, base.resolve("api/models"), "{\"name\": \"" + model + "\"}");
        String body = post(http, base.resolve("api/models/" + model + "/releases"), "{\"version\": \"1.0.0\"}");
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no release id in " + body);
        }
        return Long.parseLong(id.group(1));
    }

    private static String post(HttpClient http, URI uri, String json) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri).header("Authorization", AUTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException(uri + ": " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The disk's own ceiling for a durable write: copy the file and fsync it, as the blob store must. */
    private static void durableCopy(Path from, Path to) throws IOException {
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(from);
             java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(to,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                     java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            long done = 0;
            while (done < in.size()) {
                done += in.transferTo(done, in.size() - done, out);
            }
            out.force(true);
        }
        Files.delete(to);
    }

    /** Lets the kernel write back earlier files first, so neither peer pays for the other's dirty pages. */
    private static void settleDisk() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** Uploads as CI does, with curl: the client side of the measurement is then not Java's HTTP client. */
    private static String curlUpload(URI uri, Path file) throws Exception {
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "-u", "mira:tracegate-demo", "-H", "Content-Type: application/octet-stream",
                "-T", file.toString(), uri.toString()).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        curl.waitFor();
        return status;
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(size);
        byte[] buffer = new byte[1 << 20];
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; written += buffer.length) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buffer[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(java.nio.ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, size - written)));
            }
            // On disk before timing starts, so the kernel's write-back of this file does not compete with the upload.
            out.force(true);
        }
    }

    private static String openssl(Path file) throws Exception {
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-r", file.toString()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl failed");
        }
        return output.substring(0, 64);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Polls the server's used heap every second (the metrics endpoint is not free on 2 cores) and keeps the peak. */
    private static final class HeapSampler extends Thread {

        private static final Pattern USED = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*})? ([0-9.E+]+)");
        private static final Pattern MAX = Pattern.compile("(?m)^memory_maxHeap_bytes(?:\\{[^}]*})? ([0-9.E+]+)");

        final AtomicLong peak = new AtomicLong();
        final AtomicLong max = new AtomicLong();
        private final HttpClient http;
        private final URI metrics;
        private volatile boolean running = true;

        HeapSampler(HttpClient http, URI base) {
            this.http = http;
            this.metrics = base.resolve("metrics");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    String text = http.send(HttpRequest.newBuilder(metrics).header("Accept", "text/plain")
                                    .header("Authorization", io.tracegate.it.Login.AUDITOR.authorization()).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher used = USED.matcher(text);
                    if (used.find()) {
                        peak.accumulateAndGet((long) Double.parseDouble(used.group(1)), Math::max);
                    }
                    Matcher limit = MAX.matcher(text);
                    if (limit.find()) {
                        max.set((long) Double.parseDouble(limit.group(1)));
                    }
                    Thread.sleep(1000);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join(2000);
        }
    }
}
