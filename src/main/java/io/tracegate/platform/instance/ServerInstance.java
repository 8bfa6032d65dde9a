package io.tracegate.platform.instance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * This server's identity: {@code <data>/instance-id}, created once, so a restart on the same data is the same
 * server; and the moment this run's JVM started. Work recorded as this server's and last touched before that
 * moment was cut off by a stop or a crash: nothing of this run can have touched it.
 */
@ApplicationScoped
public class ServerInstance {

    private String id;
    private Instant runStarted;

    protected ServerInstance() {
    }

    @Inject
    public ServerInstance(@ConfigProperty(name = "tracegate.data.dir") String dataDir) {
        this.id = readOrCreate(Path.of(dataDir, "instance-id"));
        this.runStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    public String id() {
        return id;
    }

    public Instant runStarted() {
        return runStarted;
    }

    private static String readOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.writeString(file, UUID.randomUUID().toString(), StandardCharsets.US_ASCII,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException kept) {
                // a restart: the id written by the first run stays
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server's id in " + file, e);
        }
    }
}
