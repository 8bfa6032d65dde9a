package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.RepositoryPlace;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything JGit opens to read a local repository, followed the way JGit follows it, so that a place outside
 * the allowed folders is found before a read: the folder, the Git directory it resolves to ({@code .git} may be
 * a file naming another one), a worktree's {@code commondir}, the object directory, each line of
 * {@code objects/info/alternates} (resolved against the object directory, untrimmed, as JGit reads it; an
 * alternate inside another repository opens that repository, its own {@code commondir} included), and the
 * target of every symbolic link inside these folders (a linked {@code objects/pack} or {@code packed-refs} is
 * as good as an alternate). The walk stops at the first place refused and never descends into one.
 */
final class RepositoryReach {

    /** More places than this (a long or looping chain of alternates) is refused rather than followed. */
    private static final int MOST_PLACES = 64;

    private final Predicate<Path> allowed;
    private final Set<String> seen = new HashSet<>();
    private final Set<Path> scanned = new HashSet<>();
    private RepositoryPlace outside;

    private RepositoryReach(Predicate<Path> allowed) {
        this.allowed = allowed;
    }

    static Optional<RepositoryPlace> firstOutside(Path repository, Predicate<Path> allowed) {
        RepositoryReach reach = new RepositoryReach(allowed);
        try {
            if (reach.enter("repository folder", repository, true)) {
                File gitDir = RepositoryCache.FileKey.resolve(repository.toFile(), FS.DETECTED);
                if (gitDir != null) {
                    reach.gitDirectory("Git directory", gitDir.toPath());
                }
            }
        } catch (IOException e) {
            // What cannot be checked is not read: an unreadable folder may hide a link out of the roots.
            reach.refuse(new RepositoryPlace("a part that could not be checked (" + e.getClass().getSimpleName() + ")",
                    repository));
        }
        return Optional.ofNullable(reach.outside);
    }

    private void gitDirectory(String what, Path gitDir) throws IOException {
        if (!enter(what, gitDir, true)) {
            return;
        }
        scanLinks(gitDir);
        Path common = gitDir;
        Path commonDir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDir)) {
            common = resolve(gitDir, Files.readString(commonDir, StandardCharsets.UTF_8).trim());
            if (common == null || !enter("common directory (commondir)", common, true)) {
                return;
            }
            scanLinks(common);
        }
        objectDirectory("object directory", common.resolve("objects"));
    }

    private void objectDirectory(String what, Path objects) throws IOException {
        if (!enter(what, objects, true)) {
            return;
        }
        scanLinks(objects);
        Path alternates = objects.resolve("info").resolve("alternates");
        if (!Files.isRegularFile(alternates)) {
            return;
        }
        for (String line : Files.readAllLines(alternates, StandardCharsets.UTF_8)) {
            // Both spellings: whether a reader trims the line or not, neither may lead out.
            for (String name : line.equals(line.trim()) ? List.of(line) : List.of(line, line.trim())) {
                Path alternate = name.isEmpty() ? null : resolve(objects, name);
                if (alternate != null) {
                    alternate(alternate);
                }
            }
            if (outside != null) {
                return;
            }
        }
    }

    private void alternate(Path alternate) throws IOException {
        String what = "alternate object directory (objects/info/alternates)";
        Path parent = alternate.getParent();
        if (parent != null && RepositoryCache.FileKey.isGitRepository(parent.toFile(), FS.DETECTED)) {
            // JGit opens the repository around such an alternate, and with it that repository's commondir.
            if (enter(what, alternate, true)) {
                gitDirectory("repository of an alternate object directory", parent);
            }
        } else {
            objectDirectory(what, alternate);
        }
    }

    /** Every symbolic link under {@code folder} (links are not followed, so each is seen once, as a link). */
    private void scanLinks(Path folder) throws IOException {
        Path real = folder.toRealPath();
        if (outside != null || !scanned.add(real)) {
            return;
        }
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(real) || !scanned.contains(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink() && enter("symbolic link " + real.getFileName() + "/" + real.relativize(file), file, false)
                        && Files.isDirectory(file)) {
                    scanLinks(file); // a linked folder inside the roots may hold links of its own
                }
                return outside == null ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }
        });
    }

    /**
     * Whether the walk may go into {@code path}: it exists and is allowed, and, for the folders Git itself
     * names ({@code followed}), it was not followed before (a loop of alternates ends here).
     */
    private boolean enter(String what, Path path, boolean followed) throws IOException {
        if (outside != null) {
            return false;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            return false; // nothing there for JGit to open either
        }
        if (!allowed.test(real)) {
            refuse(new RepositoryPlace(what, real));
            return false;
        }
        if (!followed) {
            return true;
        }
        if (seen.size() >= MOST_PLACES) {
            refuse(new RepositoryPlace("chain of more than " + MOST_PLACES + " folders", real));
            return false;
        }
        return seen.add(what + " " + real);
    }

    private void refuse(RepositoryPlace place) {
        if (outside == null) {
            outside = place;
        }
    }

    /** As JGit's {@code FS.resolve}: an absolute name as it is, a relative one below {@code folder}. */
    private static Path resolve(Path folder, String name) {
        try {
            Path named = Path.of(name);
            return named.isAbsolute() ? named : folder.resolve(named);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
