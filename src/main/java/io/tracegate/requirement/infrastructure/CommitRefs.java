package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.List;

/**
 * Resolves what an import names (a branch, a tag or a commit id) to one commit. Branches and tags are looked
 * up in the namespaces given (our mirror keeps branches as remote-tracking refs, a repository read in place
 * has them under refs/heads); only then is the name read as a commit id or expression.
 */
final class CommitRefs {

    private CommitRefs() {
    }

    /** Resolves {@code ref} in a mirror: only what the fetch brought (branches and tags) is in it. */
    static ObjectId inMirror(Repository mirror, String ref) throws IOException {
        ObjectId id = resolve(mirror, ref, List.of("refs/remotes/origin/", "refs/tags/", ""));
        if (id == null) {
            throw missing(ref);
        }
        return id;
    }

    /**
     * Resolves {@code ref} in a repository read in place. Only what a fetch of branches and tags would have
     * brought into a mirror is found: a branch or tag by its name, or else a commit id or expression
     * ({@code main~1}) naming a commit reachable from one. That repository's HEAD, other refs, reflog entries,
     * stashes and dangling commits are not.
     */
    static ObjectId inPlace(Repository repo, String ref) throws IOException {
        for (String prefix : List.of("refs/heads/", "refs/tags/")) {
            Ref exact = repo.exactRef(prefix + ref);
            if (exact != null) {
                ObjectId id = resolve(repo, exact.getName(), List.of(""));
                if (id != null) {
                    return id;
                }
            }
        }
        if (ref.startsWith("refs/") || ref.startsWith("HEAD") || ref.contains("@")) {
            throw missing(ref); // another repository's own ref names, HEAD or reflog: not in a mirror either
        }
        ObjectId id = resolve(repo, ref, List.of("refs/heads/", "refs/tags/", ""));
        if (id == null || !reachable(repo, id)) {
            throw missing(ref);
        }
        return id;
    }

    private static ObjectId resolve(Repository repo, String ref, List<String> prefixes) throws IOException {
        for (String prefix : prefixes) {
            try {
                ObjectId id = repo.resolve(prefix + ref + "^{commit}");
                if (id != null) {
                    return id;
                }
            } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
                // not a commit under this reading of the name: try the next
            }
        }
        return null;
    }

    private static boolean reachable(Repository repo, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit target = walk.parseCommit(commit);
            for (Ref head : repo.getRefDatabase().getRefsByPrefix("refs/heads/", "refs/tags/")) {
                ObjectId tip = repo.getRefDatabase().peel(head).getPeeledObjectId();
                try {
                    walk.markStart(walk.parseCommit(tip != null ? tip : head.getObjectId()));
                } catch (IncorrectObjectTypeException e) {
                    // a tag of a tree or blob: nothing reachable through it
                }
            }
            for (RevCommit c : walk) {
                if (c.equals(target)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static BaselineRejected missing(String ref) {
        return new BaselineRejected(new ImportProblem(null, null, "no branch, tag or commit '" + ref + "' in the repository"));
    }
}
