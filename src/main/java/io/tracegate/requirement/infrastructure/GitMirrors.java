package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.SubmoduleConfig;
import org.eclipse.jgit.transport.RefSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bare mirrors of remote repositories under one folder, one per repository URL: a fetch of its branches and
 * tags (never a checkout, no submodules, no hooks), then the ref resolved to a commit in the mirror.
 */
final class GitMirrors {

    private static final List<RefSpec> REF_SPECS = List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"));
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path folder;

    GitMirrors(Path folder) {
        this.folder = folder;
    }

    /** Fetches {@code repository} into its mirror and resolves {@code ref}; returns the mirror and the commit. */
    Fetched fetch(String repository, String ref) {
        Path mirror = mirrorOf(repository);
        synchronized (LOCKS.computeIfAbsent(mirror, m -> new Object())) {
            try (Git git = openOrInit(mirror)) {
                git.fetch()
                        .setRemote(repository)
                        .setRefSpecs(REF_SPECS)
                        .setRecurseSubmodules(SubmoduleConfig.FetchRecurseSubmodulesMode.NO)
                        .setTimeout(120)
                        .call();
                return new Fetched(mirror, CommitRefs.inMirror(git.getRepository(), ref));
            } catch (GitAPIException | TransportException e) {
                throw new BaselineRejected(new ImportProblem(null, null, "cannot fetch " + repository + ": " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A mirror after a fetch, and the commit the ref resolved to in it. */
    record Fetched(Path mirror, ObjectId commit) {
    }

    private static Git openOrInit(Path mirror) throws IOException, GitAPIException {
        if (Files.isDirectory(mirror.resolve("objects"))) {
            return Git.open(mirror.toFile());
        }
        Files.createDirectories(mirror);
        return Git.init().setBare(true).setGitDir(mirror.toFile()).call();
    }

    private Path mirrorOf(String repository) {
        return folder.resolve(Sha256.of(sha256(repository)).hex() + ".git");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
