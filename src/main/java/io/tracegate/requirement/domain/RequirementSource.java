package io.tracegate.requirement.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The port to a repository of requirement files (Git): pin a ref to a commit, then read the requirements
 * at that commit, incrementally when an earlier import of the same repository is given.
 */
public interface RequirementSource {

    /** Resolves {@code ref} (branch, tag or commit id) of {@code repository} to a commit, fetching as needed. */
    Snapshot fetch(String repository, String ref);

    /**
     * The first place a read of the local repository at {@code repository} would open that {@code allowed}
     * refuses, given as a real path: the folder itself, its Git directory (also through a {@code .git} file),
     * a worktree's common directory, its object directory, every alternate object directory (their own
     * alternates and common directories too), and the target of every symbolic link inside these. Empty when
     * every one is allowed, or when the folder is no repository (the fetch says so).
     */
    Optional<RepositoryPlace> firstPlaceOutside(Path repository, Predicate<Path> allowed);

    /**
     * Reads every requirement file under {@code directory} (empty for the whole tree) at the snapshot's
     * commit; with {@code previous}, only the files changed since its commit are read again and the other
     * members are carried over as they are.
     */
    Read read(Snapshot snapshot, String directory, Optional<Previous> previous);

    /**
     * A commit to read, pinned by its id.
     *
     * @param gitDir where its objects are read: our mirror of a remote repository, or a local repository itself
     */
    record Snapshot(String repository, String ref, String commitId, Path gitDir) {
    }

    /** What an earlier import of the same repository stored: its commit and its members. */
    record Previous(String commitId, List<BaselineMember> members) {
    }

    /**
     * The outcome of a read.
     *
     * @param drafts  the requirements in the files read, in the order of the tree
     * @param carried the previous members whose files the diff does not name (empty for a full read)
     * @param touched the files the diff names, including deleted ones (empty for a full read)
     */
    record Read(List<RequirementDraft> drafts, List<BaselineMember> carried, Set<String> touched) {
    }
}
