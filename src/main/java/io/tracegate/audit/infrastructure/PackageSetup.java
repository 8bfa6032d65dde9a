package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.PackageBuilder;
import io.tracegate.audit.domain.PackageVerifier;
import io.tracegate.audit.infrastructure.archive.ZipPackageBuilder;
import io.tracegate.audit.infrastructure.archive.ZipPackageVerifier;
import io.tracegate.audit.infrastructure.signing.KeyStoreFiles;
import io.tracegate.audit.infrastructure.signing.SigningKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The package signing key and the builder and verifier that use it. The key comes from the PKCS#12
 * keystore {@code tracegate.package.keystore} (password {@code tracegate.package.keystore-password}, entry
 * {@code tracegate.package.key-alias}); without one, Tracegate creates a self-signed key in
 * {@code <data>/signing/} on its first start, says so in the log, and every report says so too.
 */
@ApplicationScoped
public class PackageSetup {

    private static final Logger LOG = Logger.getLogger(PackageSetup.class.getName());

    @Inject
    @ConfigProperty(name = "tracegate.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tracegate.package.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "tracegate.package.keystore-password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "tracegate.package.key-alias")
    Optional<String> alias;

    /**
     * The container's threads for the package writer's copy, hashers and report: they run under the
     * application's context and are stopped with it, unlike threads of our own.
     */
    @Resource
    ManagedThreadFactory threads;

    private volatile SigningKey key;

    /** Loads (or creates) the key at start, so a wrong keystore shows in the log before anyone asks for a package. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            SigningKey k = key();
            LOG.info(() -> "Audit packages are signed by " + k.subject() + " (certificate SHA-256 " + k.fingerprint()
                    + "): " + k.origin());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit packages cannot be signed: " + e.getMessage(), e);
        }
    }

    SigningKey key() {
        SigningKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private SigningKey load() {
        if (keystore.isPresent()) {
            Path file = Path.of(keystore.get());
            return KeyStoreFiles.load(file, password.orElse("").toCharArray(), alias.orElse(null), false,
                    "from the configured keystore " + file.getFileName() + alias.map(a -> ", entry " + a).orElse(""));
        }
        return KeyStoreFiles.selfSigned(Path.of(dataDir, "signing"), "Tracegate audit packages");
    }

    @Produces
    @ApplicationScoped
    PackageBuilder builder() {
        return new ZipPackageBuilder(key(), generator(), threads);
    }

    @Produces
    @ApplicationScoped
    PackageVerifier verifier() {
        return new ZipPackageVerifier();
    }

    /** e.g. {@code Tracegate 0.1.0}: the version Maven wrote into the build. */
    static String generator() {
        Properties build = new Properties();
        try (InputStream in = PackageSetup.class.getResourceAsStream("/tracegate-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "Tracegate " + build.getProperty("version", "(unknown version)");
    }
}
