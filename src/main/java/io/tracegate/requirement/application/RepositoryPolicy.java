package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which repositories an import may read. Remote ones over https, http, ssh or git; local ones only under
 * the configured roots ({@code tracegate.git.local-roots}), so an import cannot be used to read any
 * repository the server's account happens to reach.
 */
public record RepositoryPolicy(List<Path> localRoots) {

    /** Returns the location to fetch from, or refuses it naming the field {@code repository}. */
    public String check(String repository) {
        if (repository == null || repository.isBlank() || repository.length() > 1000) {
            throw new InvalidInput("repository", "a Git URL or local path is required (at most 1000 characters)");
        }
        String text = repository.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("ssh://")
                || lower.startsWith("git://") || lower.matches("[a-z0-9._-]+@[a-z0-9.-]+:.+")) {
            return text;
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
}
