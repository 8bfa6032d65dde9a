package io.tracegate.audit.application;

import io.tracegate.platform.failure.UploadRejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams an uploaded body to a file, refusing it (413) once it passes the limit. */
final class UploadCopy {

    private UploadCopy() {
    }

    static long copy(InputStream body, Path target, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw new UploadRejected(UploadRejected.Reason.TOO_LARGE, "body",
                    "declared " + declaredLength + " bytes, the limit is " + maxBytes);
        }
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = read(body, buffer, total)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new UploadRejected(UploadRejected.Reason.TOO_LARGE, "body",
                            "body exceeds the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the uploaded package to a work file", e);
        }
        return total;
    }

    private static int read(InputStream body, byte[] buffer, long soFar) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new UploadRejected(UploadRejected.Reason.TRUNCATED, "body",
                    "upload ended after " + soFar + " bytes");
        }
    }
}
