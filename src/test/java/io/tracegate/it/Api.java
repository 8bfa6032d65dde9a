package io.tracegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A small client for the deployed Tracegate: JSON in, {@link Reply} out, one login per call. */
public final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public Api(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public int port() {
        return base.getPort();
    }

    public Reply get(Login login, String path) {
        return send(login, "GET", path, BodyPublishers.noBody(), Map.of());
    }

    public Reply post(Login login, String path, String json) {
        return send(login, "POST", path, BodyPublishers.ofString(json), Map.of("Content-Type", "application/json"));
    }

    public Reply put(Login login, String path, String json, Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return send(login, "PUT", path, BodyPublishers.ofString(json), all);
    }

    public Reply upload(Login login, String path, byte[] bytes) {
        return send(login, "PUT", path, BodyPublishers.ofByteArray(bytes), Map.of("Content-Type", "application/octet-stream"));
    }

    public Reply upload(Login login, String path, Path file) {
        try {
            return send(login, "PUT", path, BodyPublishers.ofFile(file), Map.of("Content-Type", "application/octet-stream"));
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request whose headers the caller sets entirely ({@code Authorization: Bearer …}, {@code Cookie},
     * {@code X-CSRF-Token}, {@code Origin}); a non-null {@code json} is sent as {@code application/json}.
     */
    public Reply send(String method, String path, String json, Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        if (json != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        return send(Login.NOBODY, method, path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json), all);
    }

    public Reply send(Login login, String method, String path, BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .method(method, body);
        if (login.authorization() != null) {
            request.header("Authorization", login.authorization());
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET as bytes (a stored file), failing unless the answer is 200. */
    public byte[] download(Login login, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)).GET();
        if (login.authorization() != null) {
            request.header("Authorization", login.authorization());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A name no other test uses, so tests never depend on each other's data. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
