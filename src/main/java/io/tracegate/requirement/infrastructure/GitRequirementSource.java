package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Reads requirement files from a Git repository without ever checking it out: the repository is fetched
 * into a bare mirror of ours (no submodules, no hooks, no working tree), the ref is resolved to a commit,
 * and blobs are read from the commit's tree. Limits on file count, file size and total size refuse a
 * hostile repository before its content is read. Re-importing after a new commit reads only the files
 * the Git diff names; everything else is carried over from the previous baseline by reference. Blobs are
 * read on the calling thread and parsed on an executor, a few chunks at a time.
 */
public class GitRequirementSource {

    private final Path mirrors;
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
        this.mirrors = mirrors;
        this.formats = formats.stream().sorted(Comparator.comparingInt(RequirementFormat::priority).reversed()).toList();
        this.limits = limits;
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
    }

    /** A commit fetched into our mirror. */
    public record Snapshot(String repository, String ref, String commitId) {
    }

    /**
     * Fetches the repository and resolves {@code ref} (branch, tag or commit id) to a commit. A repository
     * on a local path is fetched through {@link LocalFetchTransport} (no delta search for a local copy),
     * any other through JGit's transport for its URL.
     */
    public Snapshot fetch(String repository, String ref) {
        Path mirror = mirrorOf(repository);
        List<RefSpec> refSpecs = List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                new RefSpec("+refs/tags/*:refs/tags/*"));
        synchronized (lockFor(mirror)) {
            try (Git git = openOrInit(mirror)) {
                if (isLocalPath(repository)) {
                    try (Transport transport = LocalFetchTransport.open(git.getRepository(), new File(repository))) {
                        transport.setTimeout(120);
                        transport.fetch(NullProgressMonitor.INSTANCE, refSpecs);
                    }
                } else {
                    git.fetch()
                            .setRemote(repository)
                            .setRefSpecs(refSpecs)
                            .setRecurseSubmodules(org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode.NO)
                            .setTimeout(120)
                            .call();
                }
                return new Snapshot(repository, ref, resolve(git.getRepository(), ref).name());
            } catch (GitAPIException | org.eclipse.jgit.errors.TransportException e) {
                throw new BaselineRejected(new ImportProblem(null, null, "cannot fetch " + repository + ": " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An absolute path (what the repository policy makes of a local repository), not a URL. */
    private static boolean isLocalPath(String repository) {
        try {
            return Path.of(repository).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads every requirement file under {@code directory} (empty for the whole tree) at the snapshot's
     * commit. When {@code previous} is given (an earlier import of the same repository), only the files
     * the Git diff between the two commits names are read again; the previous members from other files are
     * carried over as they are.
     */
    public Read read(Snapshot snapshot, String directory, Optional<Previous> previous) {
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

    /** What an earlier import of the same repository stored: its commit and its members. */
    public record Previous(String commitId, List<BaselineMember> members) {
    }

    /**
     * The outcome of a read.
     *
     * @param drafts  the requirements in the files read, in the order of the tree
     * @param carried the previous members whose files the diff does not name (empty for a full read)
     * @param touched the files the diff names, including deleted ones (empty for a full read)
     */
    public record Read(List<RequirementDraft> drafts, List<BaselineMember> carried, Set<String> touched) {
    }

    private Read full(Repository repo, ObjectReader reader, RevCommit commit, String directory) throws IOException {
        Parsing parsing = new Parsing();
        try (TreeWalk tree = new TreeWalk(repo, reader)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!directory.isEmpty()) {
                tree.setFilter(PathFilter.create(directory));
            }
            while (tree.next()) {
                parsing.budget.countFile();
                if (tree.getFileMode(0) == FileMode.GITLINK) {
                    continue; // submodules are never followed
                }
                readFile(reader, tree.getPathString(), tree.getObjectId(0), parsing);
            }
            return new Read(parsing.finish(), List.of(), Set.of());
        } finally {
            parsing.cancel();
        }
    }

    private Read incremental(Repository repo, ObjectReader reader, RevCommit before, RevCommit after,
                             String directory, Previous previous) throws IOException {
        Set<String> touched = new HashSet<>();
        Parsing parsing = new Parsing();
        List<RequirementDraft> drafts;
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
                parsing.budget.countFile();
                readFile(reader, path, diff.getObjectId(1), parsing);
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

    private void readFile(ObjectReader reader, String path, ObjectId blob, Parsing parsing) throws IOException {
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
        parsing.budget.countBytes(size);
        parsing.add(new RequirementFile(path, blob.name(), format.get(), loader.getCachedBytes()));
    }

    /** A requirement file's content, read from Git, waiting to be parsed. */
    private record RequirementFile(String path, String version, RequirementFormat format, byte[] content) {
    }

    /**
     * Parses the files in chunks on the executor while the walk goes on (the JGit reader stays on the
     * walking thread: it is not thread-safe). At most a few chunks are in flight, so memory stays bounded
     * however big the repository. The outcome is exactly that of parsing one file after the other: drafts
     * and problems in the order of the walk, every problem of every file, and the first other failure in
     * walk order rethrown.
     */
    private final class Parsing {
        private static final int CHUNK_FILES = 256;
        private static final long CHUNK_BYTES = 1 << 20;

        final Budget budget = new Budget();
        private final List<Future<List<Object>>> chunks = new ArrayList<>();
        private final Semaphore inFlight = new Semaphore(2 * parallelism);
        private List<Object> chunk = new ArrayList<>();
        private long chunkBytes;

        /** A file to parse, in walk order. */
        void add(RequirementFile file) {
            chunk.add(file);
            chunkBytes += file.content().length;
            if (chunk.size() >= CHUNK_FILES || chunkBytes >= CHUNK_BYTES) {
                submit();
            }
        }

        /** A problem found before parsing (a file too large), in walk order. */
        void problem(ImportProblem problem) {
            chunk.add(problem);
        }

        private void submit() {
            List<Object> items = chunk;
            chunk = new ArrayList<>();
            chunkBytes = 0;
            if (items.isEmpty()) {
                return;
            }
            Callable<List<Object>> work = () -> parse(items);
            try {
                inFlight.acquire();
                try {
                    chunks.add(executor.submit(() -> {
                        try {
                            return work.call();
                        } finally {
                            inFlight.release();
                        }
                    }));
                } catch (RejectedExecutionException e) {
                    inFlight.release();
                    chunks.add(CompletableFuture.completedFuture(parse(items)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading requirement files", e);
            }
        }

        /** Parses one chunk: per item, its drafts, or the problems it has, or the failure it raised. */
        private List<Object> parse(List<Object> items) {
            List<Object> outcomes = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item instanceof RequirementFile file) {
                    try {
                        outcomes.add(file.format().read(file.path(), new ByteArrayInputStream(file.content()),
                                file.version()));
                    } catch (BaselineRejected e) {
                        outcomes.add(e);
                    } catch (RuntimeException e) {
                        outcomes.add(new Failure(e));
                    }
                } else {
                    outcomes.add(item);
                }
            }
            return outcomes;
        }

        /** Waits for every chunk; the drafts in walk order, or every problem found. */
        List<RequirementDraft> finish() {
            submit();
            List<RequirementDraft> drafts = new ArrayList<>();
            List<ImportProblem> problems = new ArrayList<>();
            for (Future<List<Object>> future : chunks) {
                for (Object outcome : outcomeOf(future)) {
                    if (outcome instanceof Failure failure) {
                        throw failure.cause();
                    } else if (outcome instanceof BaselineRejected rejected) {
                        problems.addAll(rejected.problems());
                    } else if (outcome instanceof ImportProblem problem) {
                        problems.add(problem);
                    } else {
                        @SuppressWarnings("unchecked")
                        List<RequirementDraft> read = (List<RequirementDraft>) outcome;
                        drafts.addAll(read);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new BaselineRejected(problems);
            }
            return drafts;
        }

        private List<Object> outcomeOf(Future<List<Object>> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading requirement files", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("parsing failed", e.getCause());
            }
        }

        /** Stops chunks still queued or running when the read ends early (a limit crossed, a failure). */
        void cancel() {
            chunks.forEach(future -> future.cancel(true));
        }
    }

    /** A parse failure other than a rejection, kept to be rethrown in walk order. */
    private record Failure(RuntimeException cause) {
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
