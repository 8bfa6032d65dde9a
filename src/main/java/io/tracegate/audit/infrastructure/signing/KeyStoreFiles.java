package io.tracegate.audit.infrastructure.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** Reads a configured PKCS#12 keystore, or creates (once) and reads the self-signed one of an instance. */
public final class KeyStoreFiles {

    static final String SELF_SIGNED_ALIAS = "tracegate-packages";
    static final int RSA_BITS = 3072;

    private KeyStoreFiles() {
    }

    /**
     * @param alias the key entry to use; null when the keystore holds exactly one key
     */
    public static SigningKey load(Path keystore, char[] password, String alias, boolean selfSigned, String origin) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String chosen = alias != null ? alias : onlyKeyAlias(store, keystore);
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("keystore " + keystore + " has no private key under alias '" + chosen + "'");
            }
            Certificate[] chain = store.getCertificateChain(chosen);
            if (chain == null || chain.length == 0) {
                throw new IllegalStateException("keystore " + keystore + " has no certificate for alias '" + chosen + "'");
            }
            List<X509Certificate> certificates = Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
            return new SigningKey(privateKey, certificates, selfSigned, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the package signing keystore " + keystore
                    + " (wrong password or not PKCS#12?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the package signing keystore " + keystore, e);
        }
    }

    private static String onlyKeyAlias(KeyStore store, Path keystore) throws GeneralSecurityException {
        List<String> keys = Collections.list(store.aliases()).stream().filter(a -> {
            try {
                return store.isKeyEntry(a);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }).toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("keystore " + keystore + " holds " + keys.size()
                    + " keys " + keys + "; name one with tracegate.package.key-alias");
        }
        return keys.get(0);
    }

    /**
     * The instance's self-signed key in {@code dir}, created on first use: an RSA key and its certificate in
     * {@code package-signing.p12}, its random password in {@code package-signing.password}, readable by the
     * owner only. Both are written into a fresh folder that is then renamed into place, so a reader never
     * sees one without the other, and of two instances starting at once the second keeps the first's key.
     */
    public static SigningKey selfSigned(Path dir, String commonName) {
        Path keystore = dir.resolve("package-signing.p12");
        Path passwordFile = dir.resolve("package-signing.password");
        try {
            if (!Files.exists(keystore)) {
                create(dir, commonName);
            }
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
            SigningKey loaded = load(keystore, password, SELF_SIGNED_ALIAS, true, "");
            // The certificate's start date, not the file's time or path: a restored backup signs alike.
            Instant created = loaded.certificate().getNotBefore().toInstant();
            return new SigningKey(loaded.privateKey(), loaded.chain(), true, "self-signed, created by this Tracegate "
                    + "instance for itself on " + created + " because no keystore is configured "
                    + "(tracegate.package.keystore)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the self-signed package signing key in " + dir, e);
        }
    }

    private static void create(Path dir, String commonName) throws IOException {
        Files.createDirectories(dir.getParent());
        Path temp = ownerOnly(Files.createTempDirectory(dir.getParent(), ".creating-signing-key-"), "rwx------");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create(keys, commonName,
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(SELF_SIGNED_ALIAS, keys.getPrivate(), password, new Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(ownerOnly(temp.resolve("package-signing.p12"), "rw-------"))) {
                store.store(out, password);
            }
            Files.writeString(ownerOnly(temp.resolve("package-signing.password"), "rw-------"),
                    new String(password) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException raced) {
            if (!Files.exists(dir.resolve("package-signing.p12"))) {
                throw raced;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the self-signed package signing key", e);
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path ownerOnly(Path file, String permissions) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies.
        }
        return file;
    }
}
