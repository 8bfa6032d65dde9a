package io.tracegate.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The WAR exactly as {@code mvn package} built it (deployed at the root context, as in production), and the server's data directory. */
public final class Deployment {

    private Deployment() {
    }

    public static WebArchive builtWar() {
        File war = new File(System.getProperty("tracegate.it.war", "target/tracegate.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** The server's data directory (blob store, H2 files), as set for the failsafe run. */
    public static Path dataDir() {
        return Path.of(System.getenv("TRACEGATE_DATA_DIR"));
    }

    /** Empties the data directory before the server starts. */
    public static void wipeDataDir() {
        Path dir = dataDir();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arquillian reports the VM's external address; the server also listens on localhost. */
    public static URI localBase(URL arquillianUrl) {
        return URI.create("http://localhost:" + arquillianUrl.getPort() + "/");
    }
}
