package io.tracegate.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Whether the schema migration succeeded, so readiness and the API can tell without asking Flyway again. */
@ApplicationScoped
public class SchemaState {

    private volatile String version;
    private volatile String failure = "the schema migration has not run yet";

    void migrated(String version) {
        this.version = version;
        this.failure = null;
    }

    void failed(String reason) {
        this.version = null;
        this.failure = reason == null ? "unknown migration failure" : reason;
    }

    public boolean isReady() {
        return failure == null;
    }

    public String version() {
        return version;
    }

    /** Why the schema is not usable, when it is not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
