package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RepositoryPlace;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;
import io.tracegate.requirement.domain.RequirementSource;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads requirement files from a Git repository without ever checking it out. A remote repository is
 * fetched into a bare mirror of ours ({@link GitMirrors}); a repository on a local path (only below the
 * configured roots) is read in place, as a fetch would have read it: its objects opened read-only, the ref
 * resolved once to a commit reachable from a branch or tag. Either way the blobs are read from that
 * commit's tree (no working tree, no submodules, no hooks), and limits on file count, file size and total
 * size refuse a hostile repository before its content is read. Re-importing after a new commit reads only
 * the files the Git diff names; everything else is carried over from the previous baseline by reference.
 * Blobs are read on the calling thread and parsed on an executor ({@link ChunkedParsing}).
 */
public class GitRequirementSource implements RequirementSource {

    private static final Logger LOG = Logger.getLogger(GitRequirementSource.class.getName());

    private final GitMirrors mirrors;
    private final List<RequirementFormat> formats;
    private final GitLimits limits;
    private final ExecutorService executor;
    private final int parallelism;

    /** Parses on the common fork-join pool (outside a container: tests, tools). */
    public GitRequirementSource(Path mirrors, List<RequirementFormat> formats, GitLimits limits) {
        this(mirrors, formats, limits, ForkJoinPool.commonPool(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param executor    where files are parsed, a few chunks at a time (in the server: the managed executor)
     * @param parallelism how many chunks may be parsed at once
     */
    public GitRequirementSource(Path mirrors, List<RequirementFormat> formats, GitLimits limits,
                                ExecutorService executor, int parallelism) {
        this.mirrors = new GitMirrors(mirrors);
        this.formats = formats.stream().sorted(Comparator.comparingInt(RequirementFormat::priority).reversed()).toList();
        this.limits = limits;
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Resolves {@code ref} (branch, tag or commit id) to a commit: in the repository itself when it is on a
     * local path (copying it into a mirror first cost as much as the rest of an import), otherwise after
     * fetching it into its mirror.
     */
    @Override
    public Snapshot fetch(String repository, String ref) {
        if (!isLocalPath(repository)) {
            GitMirrors.Fetched fetched = mirrors.fetch(repository, ref);
            return new Snapshot(repository, ref, fetched.commit().name(), fetched.mirror());
        }
        File gitDir = RepositoryCache.FileKey.resolve(new File(repository), FS.DETECTED);
        if (gitDir == null) {
            throw new BaselineRejected(new ImportProblem(null, null, "cannot fetch the local repository: not a Git repository"));
        }
        try (Repository repo = open(gitDir)) {
            return new Snapshot(repository, ref, CommitRefs.inPlace(repo, ref).name(), gitDir.toPath());
        } catch (IOException e) {
            // JGit's messages name the files it read: the server's paths stay in the log.
            LOG.log(Level.WARNING, "Cannot read the local repository " + repository, e);
            throw new BaselineRejected(new ImportProblem(null, null, "cannot read the local repository as Git ("
                    + e.getClass().getSimpleName() + "); the server log has the details"));
        }
    }

    @Override
    public Optional<RepositoryPlace> firstPlaceOutside(Path repository, Predicate<Path> allowed) {
        return RepositoryReach.firstOutside(repository, allowed);
    }

    /** An absolute path (what the repository policy makes of a local repository), not a URL. */
    private static boolean isLocalPath(String repository) {
        try {
            return Path.of(repository).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Opens an existing repository (a mirror or a local one) to read its objects; nothing is written to it. */
    private static Repository open(File gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
    }

    /**
     * Reads every requirement file under {@code directory} (empty for the whole tree) at the snapshot's
     * commit. When {@code previous} is given (an earlier import of the same repository), only the files
     * the Git diff between the two commits names are read again; the previous members from other files are
     * carried over as they are.
     */
    @Override
    public Read read(Snapshot snapshot, String directory, Optional<Previous> previous) {
        try (Repository repo = open(snapshot.gitDir().toFile());
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

    private Read full(Repository repo, ObjectReader reader, RevCommit commit, String directory) throws IOException {
        ChunkedParsing parsing = new ChunkedParsing(executor, parallelism);
        ReadBudget budget = new ReadBudget(limits);
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
                readFile(reader, tree.getPathString(), tree.getObjectId(0), parsing, budget);
            }
            return new Read(parsing.finish(), List.of(), Set.of());
        } finally {
            parsing.cancel();
        }
    }

    private Read incremental(Repository repo, ObjectReader reader, RevCommit before, RevCommit after,
                             String directory, Previous previous) throws IOException {
        Set<String> touched = new HashSet<>();
        ChunkedParsing parsing = new ChunkedParsing(executor, parallelism);
        ReadBudget budget = new ReadBudget(limits);
        List<RequirementDraft> drafts;
        try (TreeWalk diff = new TreeWalk(repo, reader)) {
            diff.addTree(before.getTree());
            diff.addTree(after.getTree());
            diff.setRecursive(true);
            diff.setFilter(directory.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(directory), TreeFilter.ANY_DIFF));
            while (diff.next()) {
                String path = diff.getPathString();
                touched.add(path);
                if (diff.getFileMode(1) == FileMode.MISSING || diff.getFileMode(1) == FileMode.GITLINK) {
                    continue; // deleted, or a submodule
                }
                budget.countFile();
                readFile(reader, path, diff.getObjectId(1), parsing, budget);
            }
            drafts = parsing.finish();
        } finally {
            parsing.cancel();
        }
        List<BaselineMember> carried = new ArrayList<>();
        for (BaselineMember member : previous.members()) {
            if (!isIn(member.sourcePath(), touched, repo, reader, after)) {
                carried.add(member);
            }
        }
        return new Read(drafts, carried, Set.copyOf(touched));
    }

    /**
     * Whether a previous member came from one of the touched files. Its source path is the file's path, or
     * {@code file#SPEC-OBJECT} for a requirement from a ReqIF file; for such a path the file is the part
     * before the last '#', unless a file of exactly that name exists unchanged in the new commit (a '#' in
     * a Markdown file's name).
     */
    private static boolean isIn(String sourcePath, Set<String> touched, Repository repo, ObjectReader reader,
                                RevCommit after) throws IOException {
        if (sourcePath == null || touched.contains(sourcePath)) {
            return true;
        }
        int hash = sourcePath.lastIndexOf('#');
        if (hash <= 0 || !touched.contains(sourcePath.substring(0, hash))) {
            return false;
        }
        try (TreeWalk exact = TreeWalk.forPath(repo, reader, sourcePath, after.getTree())) {
            return exact == null;
        }
    }

    private void readFile(ObjectReader reader, String path, ObjectId blob, ChunkedParsing parsing, ReadBudget budget)
            throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Optional<RequirementFormat> format = formats.stream().filter(f -> f.supports(name)).findFirst();
        if (format.isEmpty()) {
            return;
        }
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        long size = loader.getSize();
        if (size > limits.maxFileBytes()) {
            parsing.problem(new ImportProblem(path, null, "is " + size + " bytes; the limit is " + limits.maxFileBytes()));
            return;
        }
        budget.countBytes(size);
        parsing.add(new ChunkedParsing.RequirementFile(path, blob.name(), format.get(), loader.getCachedBytes()));
    }
}
