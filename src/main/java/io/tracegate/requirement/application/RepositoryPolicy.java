package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which repositories an import may read. Remote ones over https, http, ssh or git, only from the hosts of
 * {@code tracegate.git.remote-hosts} (exact names, {@code *.example.com} for a domain's hosts, or {@code *}),
 * so an import cannot be used to make the server reach into the network it sits in; local ones only under
 * the configured roots ({@code tracegate.git.local-roots}), so an import cannot be used to read any
 * repository the server's account happens to reach. Both lists are empty unless configured.
 */
public record RepositoryPolicy(List<Path> localRoots, List<String> remoteHosts) {

    public RepositoryPolicy {
        localRoots = List.copyOf(localRoots);
        remoteHosts = remoteHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
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
            throw new InvalidInput("repository", "neither a Git URL nor a local path: " + text);
        }
        if (!local.isAbsolute()) {
            throw new InvalidInput("repository", "a local repository must be given as an absolute path");
        }
        Path normalised = local.normalize();
        if (localRoots.stream().noneMatch(root -> normalised.startsWith(root.toAbsolutePath().normalize()))) {
            throw new InvalidInput("repository", "local repositories are only read under tracegate.git.local-roots "
                    + localRoots + "; " + normalised + " is not");
        }
        return normalised.toString();
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
