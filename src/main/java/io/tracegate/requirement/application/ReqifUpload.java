package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.UploadRejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded ReqIF file spooled to a temp file (bounded in size) with its SHA-256, so the parser reads
 * a complete file and the baseline records exactly which bytes it came from. Deleted when closed.
 */
final class ReqifUpload implements AutoCloseable {

    static final long MAX_BYTES = 256L << 20;

    private final Path file;
    private final String sha256;

    private ReqifUpload(Path file, String sha256) {
        this.file = file;
        this.sha256 = sha256;
    }

    static ReqifUpload spool(InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("tracegate-reqif-", ".upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha);
                 InputStream limited = body) {
                byte[] buffer = new byte[64 * 1024];
                size = 0;
                for (int n; (n = limited.read(buffer)) > 0; ) {
                    size += n;
                    if (size > MAX_BYTES) {
                        throw new UploadRejected(UploadRejected.Reason.TOO_LARGE, "body",
                                "ReqIF uploads are limited to " + MAX_BYTES + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new InvalidInput("body", "the ReqIF file is empty");
            }
            return new ReqifUpload(file, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UploadRejected(UploadRejected.Reason.TRUNCATED, "body", "the upload broke off: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(file);
            throw new IllegalStateException(e);
        }
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
