package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.requirement.domain.RequirementSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Which repositories an import may read. Remote ones over https, http, ssh or git, only from the hosts of
 * {@code tracegate.git.remote-hosts} (exact names, {@code *.example.com} for a domain's hosts, or {@code *}),
 * so an import cannot be used to make the server reach into the network it sits in; local ones only under
 * the configured roots ({@code tracegate.git.local-roots}), so an import cannot be used to read any
 * repository the server's account happens to reach, checked first on the path as given ({@link #check}) and then
 * on everything a read would open, symbolic links resolved ({@link #confine}). Both lists are empty unless
 * configured.
 */
public final class RepositoryPolicy {

    private static final Logger LOG = Logger.getLogger(RepositoryPolicy.class.getName());

    private final List<Path> localRoots;
    private final List<Path> realRoots;
    private final List<String> remoteHosts;

    public RepositoryPolicy(List<Path> localRoots, List<String> remoteHosts) {
        this.localRoots = List.copyOf(localRoots);
        this.realRoots = this.localRoots.stream().map(RepositoryPolicy::real).toList();
        this.remoteHosts = remoteHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** Returns the location to fetch from, or refuses it naming the field {@code repository}. */
    public String check(String repository) {
        if (repository == null || repository.isBlank() || repository.length() > 1000) {
            throw new InvalidInput("repository", "a Git URL or local path is required (at most 1000 characters)");
        }
        String text = repository.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("ssh://")
                || lower.startsWith("git://")) {
            return allowedRemote(text, hostOf(text));
        }
        if (lower.matches("[a-z0-9._-]+@[a-z0-9.-]+:.+")) {
            return allowedRemote(text, lower.substring(lower.indexOf('@') + 1, lower.indexOf(':')));
        }
        Path local;
        try {
            local = lower.startsWith("file://") ? Path.of(URI.create(text)) : Path.of(text);
        } catch (RuntimeException e) {
            throw new InvalidInput("repository", "neither a Git URL nor a local path");
        }
        if (!local.isAbsolute()) {
            throw new InvalidInput("repository", "a local repository must be given as an absolute path");
        }
        Path normalised = local.normalize();
        if (localRoots.stream().noneMatch(root -> normalised.startsWith(root.toAbsolutePath().normalize()))) {
            // The roots are the server's folders: named in the configuration, never in an answer.
            throw new InvalidInput("repository", "local repositories are only read under the folders of "
                    + "tracegate.git.local-roots, and this one is not under any of them");
        }
        return normalised.toString();
    }

    /**
     * Refuses a local repository any part of which lies outside the roots once symbolic links are resolved:
     * the folder, its Git directory, common directory, object directories, alternates and the links inside
     * them ({@link RequirementSource#firstPlaceOutside}). The answer names the part, never a path of the
     * server; the log has the path. A remote location passes unchanged.
     */
    public void confine(String location, RequirementSource source) {
        if (!isLocal(location)) {
            return;
        }
        source.firstPlaceOutside(Path.of(location), this::holds).ifPresent(place -> {
            LOG.warning(() -> "Refused the local repository " + location + ": its " + place.what() + " is "
                    + place.realPath() + ", outside tracegate.git.local-roots " + realRoots);
            throw new InvalidInput("repository", "the repository's " + place.what()
                    + " lies outside tracegate.git.local-roots (symbolic links resolved)");
        });
    }

    /** Whether a real path (symbolic links resolved) lies under one of the roots, themselves resolved. */
    boolean holds(Path realPath) {
        return realRoots.stream().anyMatch(realPath::startsWith);
    }

    private static boolean isLocal(String location) {
        try {
            return Path.of(location).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** A root as it really is (a root that is a link counts as its target), or as written while it is missing. */
    private static Path real(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (java.io.IOException e) {
            return absolute;
        }
    }

    private String allowedRemote(String text, String host) {
        if (remoteHosts.stream().noneMatch(pattern -> matches(pattern, host))) {
            throw new InvalidInput("repository", "remote repositories are only fetched from the hosts in "
                    + "tracegate.git.remote-hosts " + remoteHosts + "; " + host + " is not one of them");
        }
        return text;
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null || host.isEmpty()) {
                throw new InvalidInput("repository", "the Git URL names no host: " + url);
            }
            return host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("repository", "not a valid Git URL: " + url);
        }
    }

    /** {@code *} any host; {@code *.example.com} the hosts below example.com; otherwise the exact name. */
    static boolean matches(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
        }
        return pattern.equals(host);
    }
}
