package io.tracegate.requirement.domain;

import java.nio.file.Path;

/**
 * A folder or file that reading a local repository opens, found by following what Git follows (a {@code .git}
 * file, a worktree's {@code commondir}, {@code objects/info/alternates}, symbolic links).
 *
 * @param what     which of them it is, in words a user can act on ("alternate object directory"); never a path
 * @param realPath where it really is, every symbolic link resolved: for the server's log only
 */
public record RepositoryPlace(String what, Path realPath) {
}
