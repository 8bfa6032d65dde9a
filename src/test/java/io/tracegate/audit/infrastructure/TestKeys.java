package io.tracegate.audit.infrastructure;

import io.tracegate.audit.infrastructure.signing.KeyStoreFiles;
import io.tracegate.audit.infrastructure.signing.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One self-signed key for all tests of a run (RSA key generation takes a moment). */
public final class TestKeys {

    private static SigningKey key;

    private TestKeys() {
    }

    public static synchronized SigningKey key() {
        if (key == null) {
            try {
                Path dir = Files.createTempDirectory("tracegate-test-keys");
                key = KeyStoreFiles.selfSigned(dir.resolve("signing"), "Tracegate unit tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }
}
