package io.tracegate.audit.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tools an auditor would use (pdftotext, pdfsig, pdfinfo from poppler-utils; sha256sum; openssl;
 * unzip) and returns what they print. A missing tool fails the test with what to install: these checks are
 * the point of the tests, skipping them would hide that nothing was verified.
 */
public final class Tools {

    /** Exit code and everything printed (stdout and stderr together). */
    public record Run(int exit, String output) {
    }

    private Tools() {
    }

    public static Run run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command[0] + " did not finish in 120 s");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (install poppler-utils, openssl, unzip and "
                    + "coreutils: apt-get install -y poppler-utils openssl unzip): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
