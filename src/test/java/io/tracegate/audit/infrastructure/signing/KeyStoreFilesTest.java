package io.tracegate.audit.infrastructure.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsTheSelfSignedKeyOnceReadableByTheOwnerOnlyAndSaysSo() throws Exception {
        SigningKey first = KeyStoreFiles.selfSigned(dir.resolve("signing"), "Test instance");
        SigningKey again = KeyStoreFiles.selfSigned(dir.resolve("signing"), "Test instance");
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(first.selfSigned()).isTrue();
        assertThat(first.origin()).contains("self-signed").contains("tracegate.package.keystore");
        assertThat(first.subject()).contains("CN=Test instance");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("signing/package-signing.p12")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("signing/package-signing.password")))).isEqualTo("rw-------");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(dir.resolve("signing"));
        }
    }

    @Test
    void loadsAConfiguredKeystoreByAliasAndRefusesAnAmbiguousOne() throws Exception {
        SigningKey source = KeyStoreFiles.selfSigned(dir.resolve("a"), "Organisation");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("one", source.privateKey(), "pw".toCharArray(), new Certificate[] {source.certificate()});
        store.setKeyEntry("two", source.privateKey(), "pw".toCharArray(), new Certificate[] {source.certificate()});
        Path file = dir.resolve("org.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "pw".toCharArray());
        }
        SigningKey loaded = KeyStoreFiles.load(file, "pw".toCharArray(), "two", false, "configured");
        assertThat(loaded.certificate()).isEqualTo(source.certificate());
        assertThat(loaded.selfSigned()).isFalse();
        assertThatThrownBy(() -> KeyStoreFiles.load(file, "pw".toCharArray(), null, false, "configured"))
                .hasMessageContaining("holds 2 keys").hasMessageContaining("tracegate.package.key-alias");
        assertThatThrownBy(() -> KeyStoreFiles.load(file, "wrong".toCharArray(), "two", false, "configured"))
                .hasMessageContaining("wrong password");
    }

    @Test
    void refusesKeysWhoseSignaturesAreNotDeterministic() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        var keys = ec.generateKeyPair();
        var rsaCertificate = KeyStoreFiles.selfSigned(dir.resolve("b"), "x").certificate();
        assertThatThrownBy(() -> new SigningKey(keys.getPrivate(), java.util.List.of(rsaCertificate), false, "x"))
                .hasMessageContaining("must be an RSA key");
        assertThat(Instant.now()).isNotNull();
    }
}
