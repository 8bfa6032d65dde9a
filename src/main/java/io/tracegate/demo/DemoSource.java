package io.tracegate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the example project is read from: a checkout of the repository (so edits show up on the next
 * fresh start) or the copy packaged in the WAR under {@code demo/}.
 */
final class DemoSource {

    private final Path directory;

    private DemoSource(Path directory) {
        this.directory = directory;
    }

    static DemoSource of(String configured) {
        return new DemoSource(configured == null || configured.isBlank() ? null : Path.of(configured));
    }

    /** @param relative a path such as {@code evidence/front-camera-object-detector/demo.json} */
    InputStream open(String relative) {
        if (relative.contains("..")) {
            throw new IllegalArgumentException("demo paths stay inside the project: " + relative);
        }
        try {
            if (directory != null) {
                return Files.newInputStream(directory.resolve(relative));
            }
            InputStream in = DemoSource.class.getClassLoader().getResourceAsStream("demo/" + relative);
            if (in == null) {
                throw new IOException("demo/" + relative + " is not in the application");
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo project file " + relative, e);
        }
    }

    /** Whether the project has this file (releases without evidence have no {@code evidence.json}). */
    boolean exists(String relative) {
        if (directory != null) {
            return Files.isRegularFile(directory.resolve(relative));
        }
        return DemoSource.class.getClassLoader().getResource("demo/" + relative) != null;
    }

    /**
     * The files below a folder of the project, as paths relative to the project (sorted). Inside the WAR
     * this works because Payara deploys it exploded; the folder is then a plain directory.
     */
    java.util.List<String> list(String folder) {
        try {
            Path base;
            if (directory != null) {
                base = directory;
            } else {
                java.net.URL url = DemoSource.class.getClassLoader().getResource("demo/" + folder);
                if (url == null || !"file".equals(url.getProtocol())) {
                    return java.util.List.of();
                }
                base = Path.of(url.toURI()).getParent();
                for (int i = 1; i < folder.split("/").length; i++) {
                    base = base.getParent();
                }
            }
            Path root = base;
            try (java.util.stream.Stream<Path> files = Files.walk(root.resolve(folder))) {
                return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the demo folder " + folder, e);
        }
    }

    @Override
    public String toString() {
        return directory == null ? "the copy inside the application" : directory.toString();
    }
}
