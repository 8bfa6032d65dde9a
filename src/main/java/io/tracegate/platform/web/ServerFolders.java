package io.tracegate.platform.web;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own folders, which no answer names: the data folder, the local Git roots, the temp folder, the
 * account's home and working folders and the application server's. Refusals are written not to name them, but
 * the JDK's and JGit's messages name the files they failed on, and a message may pass such text on; so every
 * problem+json detail goes through {@link #hide}, which puts {@value #SHOWN} where such a path stood (the rest
 * of the path included). Each folder is matched as configured and as it really is (links resolved).
 */
final class ServerFolders {

    static final String SHOWN = "[server folder]";

    private final List<Pattern> patterns;

    ServerFolders(Collection<String> folders) {
        Set<String> spellings = new LinkedHashSet<>();
        for (String folder : folders) {
            spellings.addAll(spellingsOf(folder));
        }
        this.patterns = spellings.stream()
                .filter(f -> f.length() > 1) // "/" alone would hide every path, the API's own included
                .sorted(Comparator.comparingInt(String::length).reversed())
                // the folder itself or anything below it, up to a space, quote, colon or list punctuation
                .map(f -> Pattern.compile(Pattern.quote(f) + "(?![^/\\\\\\s\"'`:;,)\\]])[^\\s\"'`:;,)\\]]*"))
                .toList();
    }

    /** The folders of this server, read once. */
    static ServerFolders ofThisServer() {
        return OfThisServer.FOLDERS;
    }

    String hide(String text) {
        if (text == null) {
            return null;
        }
        String hidden = text;
        for (Pattern folder : patterns) {
            hidden = folder.matcher(hidden).replaceAll(Matcher.quoteReplacement(SHOWN));
        }
        return hidden;
    }

    private static List<String> spellingsOf(String folder) {
        List<String> spellings = new ArrayList<>();
        try {
            Path path = Path.of(folder.trim());
            if (!path.isAbsolute()) {
                return spellings;
            }
            spellings.add(path.normalize().toString());
            try {
                spellings.add(path.toRealPath().toString());
            } catch (IOException e) {
                // not there (yet): the configured spelling is all there is
            }
        } catch (InvalidPathException e) {
            // not a path
        }
        return spellings;
    }

    private static final class OfThisServer {
        static final ServerFolders FOLDERS = read();

        private static ServerFolders read() {
            List<String> folders = new ArrayList<>();
            for (String property : List.of("java.io.tmpdir", "user.home", "user.dir", "com.sun.aas.instanceRoot",
                    "com.sun.aas.installRoot")) {
                Optional.ofNullable(System.getProperty(property)).ifPresent(folders::add);
            }
            try {
                Config config = ConfigProvider.getConfig();
                config.getOptionalValue("tracegate.data.dir", String.class).ifPresent(folders::add);
                config.getOptionalValue("tracegate.git.local-roots", String.class)
                        .ifPresent(roots -> folders.addAll(Arrays.asList(roots.split(","))));
            } catch (RuntimeException e) {
                // no configuration outside the server (unit tests): the system's folders still count
            }
            return new ServerFolders(folders);
        }
    }
}
