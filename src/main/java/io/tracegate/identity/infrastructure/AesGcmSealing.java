package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.SecretSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals authenticator secrets with AES-256-GCM (the JDK's), the account name as associated data. The key is
 * {@code tracegate.signing.factor-key} (Base64 of 32 bytes, e.g. from a container secret) or else a key file
 * {@code <data>/authenticator/authenticator.key}, created on first use readable by the server's user only. Either way it
 * is outside the database: a copy of the database alone does not give the secrets.
 */
@ApplicationScoped
public class AesGcmSealing implements SecretSealing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = "tracegate.signing.factor-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "tracegate.data.dir")
    String dataDir;

    private volatile SecretKey key;

    AesGcmSealing() {
    }

    /** With a key of its own (tests; the server reads its key from configuration or the key file). */
    public AesGcmSealing(SecretKey key) {
        this.key = key;
    }

    @Override
    public String seal(byte[] secret, String username) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an authenticator secret", e);
        }
    }

    @Override
    public byte[] open(String sealed, String username) {
        if (sealed == null || !sealed.startsWith("v1:")) {
            throw new IllegalStateException("the stored authenticator secret of " + username + " is not sealed");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored authenticator secret of " + username
                    + " does not open with this server's key (another key, or it was copied from another account)", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(configuredKey.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.strip()))
                            .map(AesGcmSealing::checked).orElseGet(this::keyFile), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private static byte[] checked(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("tracegate.signing.factor-key must be the Base64 of 32 bytes, not " + raw.length);
        }
        return raw;
    }

    private byte[] keyFile() {
        Path file = Path.of(dataDir, "authenticator", "authenticator.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] raw = new byte[32];
                RANDOM.nextBytes(raw);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return checked(Base64.getDecoder().decode(Files.readString(file).strip()));
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(raw));
                return raw;
            }
            return checked(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the authenticator key " + file, e);
        }
    }
}
