package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How stored files travel over HTTP, the same for artifacts, evidence and audit packages: downloads are
 * streamed as stored with the SHA-256 as ETag and RFC 9530 {@code Repr-Digest}, an RFC 6266 file name and
 * {@code nosniff}; uploads declare their length in {@code Content-Length}.
 */
public final class StoredFile {

    private StoredFile() {
    }

    /** @param mediaType {@code application/octet-stream} for anything a browser must not render */
    public static Response download(Path file, String sha256Hex, long size, String fileName, String mediaType) {
        StreamingOutput stream = out -> Files.copy(file, out);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
        return Response.ok(stream, mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("X-Content-Type-Options", "nosniff")
                .tag(sha256Hex)
                .build();
    }

    /** The declared body length, or -1 when the client sent none (chunked). */
    public static long declaredLength(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("Content-Length", "is not a number");
        }
    }
}
