package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads requirement files from a Git repository without ever checking it out: the repository is fetched
 * into a bare mirror of ours (no submodules, no hooks, no working tree), the ref is resolved to a commit,
 * and blobs are read from the commit's tree. Limits on file count, file size and total size refuse a
 * hostile repository before its content is read. Re-importing after a new commit reads only the files
 * the Git diff names; everything else is carried over from the previous baseline.
 */
public class GitRequirementSource {

    private final Path mirrors;
    private final List<RequirementFormat> formats;
    private final GitLimits limits;

    public GitRequirementSource(Path mirrors, List<RequirementFormat> formats, GitLimits limits) {
        this.mirrors = mirrors;
        this.formats = formats.stream().sorted(Comparator.comparingInt(RequirementFormat::priority).reversed()).toList();
        this.limits = limits;
    }

    /** A commit fetched into our mirror. */
    public record Snapshot(String repository, String ref, String commitId) {
    }

    /** Fetches the repository and resolves {@code ref} (branch, tag or commit id) to a commit. */
    public Snapshot fetch(String repository, String ref) {
        Path mirror = mirrorOf(repository);
        synchronized (lockFor(mirror)) {
            try (Git git = openOrInit(mirror)) {
                FetchResult ignored = git.fetch()
                        .setRemote(repository)
                        .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                        .setRecurseSubmodules(org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode.NO)
                        .setTimeout(120)
                        .call();
                return new Snapshot(repository, ref, resolve(git.getRepository(), ref).name());
            } catch (GitAPIException | org.eclipse.jgit.errors.TransportException e) {
                throw new BaselineRejected(new ImportProblem(null, null, "cannot fetch " + repository + ": " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads every requirement file under {@code directory} (empty for the whole tree) at the snapshot's
     * commit. When {@code previous} is given (an earlier import of the same repository), only the files
     * the Git diff between the two commits names are read again.
     */
    public List<RequirementDraft> read(Snapshot snapshot, String directory, Optional<Previous> previous) {
        Path mirror = mirrorOf(snapshot.repository());
        try (Repository repo = FileRepositoryBuilder.create(mirror.toFile());
             RevWalk walk = new RevWalk(repo);
             ObjectReader reader = repo.newObjectReader()) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(snapshot.commitId()));
            if (previous.isPresent() && repo.getObjectDatabase().has(ObjectId.fromString(previous.get().commitId()))) {
                RevCommit before = walk.parseCommit(ObjectId.fromString(previous.get().commitId()));
                return incremental(repo, reader, before, commit, directory, previous.get());
            }
            return full(repo, reader, commit, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an earlier import of the same repository already read. */
    public record Previous(String commitId, Map<String, RequirementDraft> byPath) {
    }

    private List<RequirementDraft> full(Repository repo, ObjectReader reader, RevCommit commit, String directory)
            throws IOException {
        List<RequirementDraft> drafts = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Budget budget = new Budget();
        try (TreeWalk tree = new TreeWalk(repo, reader)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!directory.isEmpty()) {
                tree.setFilter(PathFilter.create(directory));
            }
            while (tree.next()) {
                budget.countFile();
                if (tree.getFileMode(0) == FileMode.GITLINK) {
                    continue; // submodules are never followed
                }
                readFile(reader, tree.getPathString(), tree.getObjectId(0), budget, drafts, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new BaselineRejected(problems);
        }
        return drafts;
    }

    private List<RequirementDraft> incremental(Repository repo, ObjectReader reader, RevCommit before, RevCommit after,
                                               String directory, Previous previous) throws IOException {
        Set<String> touched = new HashSet<>();
        List<RequirementDraft> drafts = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Budget budget = new Budget();
        try (TreeWalk diff = new TreeWalk(repo, reader)) {
            diff.addTree(before.getTree());
            diff.addTree(after.getTree());
            diff.setRecursive(true);
            diff.setFilter(directory.isEmpty() ? TreeFilter.ANY_DIFF
                    : org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(PathFilter.create(directory), TreeFilter.ANY_DIFF));
            while (diff.next()) {
                String path = diff.getPathString();
                touched.add(path);
                if (diff.getFileMode(1) == FileMode.MISSING || diff.getFileMode(1) == FileMode.GITLINK) {
                    continue; // deleted, or a submodule
                }
                budget.countFile();
                readFile(reader, path, diff.getObjectId(1), budget, drafts, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new BaselineRejected(problems);
        }
        previous.byPath().forEach((path, draft) -> {
            if (!touched.contains(path)) {
                drafts.add(draft);
            }
        });
        return drafts;
    }

    private void readFile(ObjectReader reader, String path, ObjectId blob, Budget budget,
                          List<RequirementDraft> drafts, List<ImportProblem> problems) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Optional<RequirementFormat> format = formats.stream().filter(f -> f.supports(name)).findFirst();
        if (format.isEmpty()) {
            return;
        }
        long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
        if (size > limits.maxFileBytes()) {
            problems.add(new ImportProblem(path, null, "is " + size + " bytes; the limit is " + limits.maxFileBytes()));
            return;
        }
        budget.countBytes(size);
        try (InputStream content = reader.open(blob, Constants.OBJ_BLOB).openStream()) {
            drafts.addAll(format.get().read(path, content, blob.name()));
        } catch (BaselineRejected e) {
            problems.addAll(e.problems());
        }
    }

    /** Counts files and bytes as the walk goes, refusing the repository at the first limit crossed. */
    private final class Budget {
        private int files;
        private long bytes;

        void countFile() {
            if (++files > limits.maxFiles()) {
                throw new BaselineRejected(new ImportProblem(null, null, "the repository has more than "
                        + limits.maxFiles() + " files; import refused"));
            }
        }

        void countBytes(long size) {
            bytes += size;
            if (bytes > limits.maxTotalBytes()) {
                throw new BaselineRejected(new ImportProblem(null, null, "the requirement files exceed "
                        + limits.maxTotalBytes() + " bytes in total; import refused"));
            }
        }
    }

    private static ObjectId resolve(Repository repo, String ref) throws IOException {
        for (String candidate : List.of("refs/remotes/origin/" + ref, "refs/tags/" + ref, ref)) {
            try {
                ObjectId id = repo.resolve(candidate + "^{commit}");
                if (id != null) {
                    return id;
                }
            } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
                // try the next reading of the ref
            } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                // not a commit
            }
        }
        throw new BaselineRejected(new ImportProblem(null, null, "no branch, tag or commit '" + ref + "' in the repository"));
    }

    private static Git openOrInit(Path mirror) throws IOException, GitAPIException {
        if (Files.isDirectory(mirror.resolve("objects"))) {
            return Git.open(mirror.toFile());
        }
        Files.createDirectories(mirror);
        return Git.init().setBare(true).setGitDir(mirror.toFile()).call();
    }

    private Path mirrorOf(String repository) {
        return mirrors.resolve(io.tracegate.platform.blob.Sha256.of(digest(repository)).hex() + ".git");
    }

    private static byte[] digest(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object lockFor(Path mirror) {
        return LOCKS.computeIfAbsent(mirror, m -> new Object());
    }
}
