package io.tracegate.trail.interfaces;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code deploy/verify-audit-trail.java} exactly as documented, with the JDK running the tests. */
final class OfflineVerifier {

    static final Path SCRIPT = Path.of("deploy", "verify-audit-trail.java");

    private OfflineVerifier() {
    }

    record Run(int exit, String output) {
    }

    static Run run(Path export) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SCRIPT.toString(), export.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the offline verifier did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
