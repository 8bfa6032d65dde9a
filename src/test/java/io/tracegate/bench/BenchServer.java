package io.tracegate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A Tracegate server started for a benchmark: Payara Micro with the built WAR, a given heap limit, an
 * empty data directory, embedded H2 and demo accounts, on a free port. Stopped when closed.
 */
final class BenchServer implements AutoCloseable {

    private final Process process;
    final URI base;

    private BenchServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static BenchServer start(Path payaraJar, Path war, Path dataDir, String maxHeap, Path log) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Dtracegate.data.dir=" + dataDir, "-Djava.io.tmpdir=" + dataDir,
                "-jar", payaraJar.toString(), "--nocluster", "--disablephonehome", "--port", Integer.toString(port),
                "--contextroot", "/", "--deploy", war.toString()));
        builder.environment().put("TRACEGATE_DEMO_ENABLED", "true");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        BenchServer server = new BenchServer(process, URI.create("http://localhost:" + port + "/"));
        server.awaitReady(Duration.ofMinutes(3));
        return server;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during start-up");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("migrated")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become ready within " + timeout);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
