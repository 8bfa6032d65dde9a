package io.tracegate.it;

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
 * Tracegate as its own process, for what Arquillian cannot do: benchmarks with a chosen heap, and crash
 * tests that kill -9 the server and start it again on the same data. Payara Micro with the built WAR,
 * embedded H2 under the given data directory, demo accounts, a free port. Stopped when closed.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final URI base;

    private ServerProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the server without waiting for it.
     *
     * @param settings extra environment, e.g. {@code TRACEGATE_BLOB_SWEEP_GRACE}
     */
    public static ServerProcess launch(Path payaraJar, Path war, Path dataDir, String maxHeap, Path log,
                                       java.util.Map<String, String> settings) throws Exception {
        return launch(payaraJar, war, dataDir, maxHeap, log, settings, List.of());
    }

    /**
     * Starts the server without waiting for it.
     *
     * @param payaraOptions further Payara Micro options, e.g. {@code --prebootcommandfile}
     */
    public static ServerProcess launch(Path payaraJar, Path war, Path dataDir, String maxHeap, Path log,
                                       java.util.Map<String, String> settings, List<String> payaraOptions)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Dtracegate.data.dir=" + dataDir, "-Djava.io.tmpdir=" + dataDir,
                "-jar", payaraJar.toString(), "--nocluster", "--disablephonehome", "--port", Integer.toString(port),
                "--contextroot", "/", "--deploy", war.toString()));
        command.addAll(payaraOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only what is given here: not the settings of the failsafe run that started this test.
        builder.environment().keySet().removeIf(name -> name.startsWith("TRACEGATE_"));
        builder.environment().put("TRACEGATE_DEMO_ENABLED", "true");
        builder.environment().put("MICRO_CONSOLE_OUTPUT", "false");
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        return new ServerProcess(process, URI.create("http://localhost:" + port + "/"));
    }

    /** Starts the server and waits until it reports ready. */
    public static ServerProcess start(Path payaraJar, Path war, Path dataDir, String maxHeap, Path log,
                                      java.util.Map<String, String> settings) throws Exception {
        return start(payaraJar, war, dataDir, maxHeap, log, settings, List.of());
    }

    /** Starts the server with further Payara Micro options and waits until it reports ready. */
    public static ServerProcess start(Path payaraJar, Path war, Path dataDir, String maxHeap, Path log,
                                      java.util.Map<String, String> settings, List<String> payaraOptions)
            throws Exception {
        ServerProcess server = launch(payaraJar, war, dataDir, maxHeap, log, settings, payaraOptions);
        try {
            server.awaitReady(Duration.ofMinutes(3));
        } catch (Exception | Error e) {
            server.close(); // no server left holding the data directory's database when the start fails
            throw e;
        }
        return server;
    }

    /**
     * Waits until the server answers {@code /health/ready} at all (UP or DOWN) and returns that answer's
     * status code and body.
     */
    public HttpResponse<String> awaitReadinessAnswer(Duration timeout) throws Exception {
        return awaitReadiness(timeout, ready -> ready.body().contains("\"tracegate\""));
    }

    private void awaitReady(Duration timeout) throws Exception {
        // Tracegate's own check, UP: without a login, readiness shows the status only
        awaitReadiness(timeout, ready -> ready.statusCode() == 200 && ready.body().contains("\"tracegate\""));
    }

    private HttpResponse<String> awaitReadiness(Duration timeout, java.util.function.Predicate<HttpResponse<String>> done)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during start-up");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (done.test(ready)) {
                    return ready;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become ready within " + timeout);
    }

    public URI base() {
        return base;
    }

    public int port() {
        return base.getPort();
    }

    /** The server's operating-system process id, e.g. to read its peak memory from {@code /proc/<pid>/status}. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no flushing, as in a power cut of the JVM. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
