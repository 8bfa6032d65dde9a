package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.requirement.application.RepositoryPolicy;
import io.tracegate.requirement.domain.RequirementSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A local repository is read only when everything a read opens lies under the roots: real repositories made
 * with JGit (and the git CLI for a worktree) in a temp folder, a secret one outside the roots, and each way
 * Git offers to point from inside the roots to it.
 */
class LocalRootContainmentTest {

    @TempDir
    Path temp;

    private Path roots;
    private Path secret;
    private String secretCommit;
    private RepositoryPolicy policy;
    private GitRequirementSource git;

    @BeforeEach
    void secretRepositoryOutsideTheRoots() throws Exception {
        roots = Files.createDirectories(temp.resolve("roots"));
        secret = temp.resolve("outside/secret");
        try (RequirementRepo repo = RequirementRepo.init(secret).small()) {
            secretCommit = repo.commit("secret requirements");
        }
        policy = new RepositoryPolicy(List.of(roots), List.of());
        git = new GitRequirementSource(temp.resolve("mirrors"), List.of(new MarkdownFormat()), GitLimits.defaults());
    }

    /** What {@code BaselineCatalog.importFromGit} does before it reads: the policy, then the fetch. */
    private RequirementSource.Snapshot importFrom(Path repository) {
        String location = policy.check(repository.toString());
        policy.confine(location, git);
        return git.fetch(location, "main");
    }

    @Test
    void aRepositoryUnderTheRootsIsRead() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(roots.resolve("team")).small()) {
            String commit = repo.commit("ours");
            assertThat(importFrom(roots.resolve("team")).commitId()).isEqualTo(commit);
        }
    }

    @Test
    void aSymbolicLinkOutOfTheRootsIsRefused() throws Exception {
        Files.createSymbolicLink(roots.resolve("link"), secret);
        assertRefused(roots.resolve("link"), "folder");
    }

    @Test
    void aGitFilePointingOutOfTheRootsIsRefused() throws Exception {
        Path worktree = Files.createDirectories(roots.resolve("worktree"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + secret.resolve(".git") + "\n");
        assertRefused(worktree, "Git directory");
    }

    @Test
    void anAlternateObjectDirectoryOutOfTheRootsIsRefused() throws Exception {
        Path shell = roots.resolve("shell");
        RequirementRepo.init(shell).close();
        Files.writeString(shell.resolve(".git/objects/info/alternates"), secret.resolve(".git/objects") + "\n");
        Files.writeString(shell.resolve(".git/refs/heads/main"), secretCommit + "\n");
        assertRefused(shell, "alternate");
    }

    @Test
    void anAlternateThatChainsOutOfTheRootsThroughAnotherAlternateIsRefused() throws Exception {
        Path middle = roots.resolve("middle");
        RequirementRepo.init(middle).close();
        Files.writeString(middle.resolve(".git/objects/info/alternates"), secret.resolve(".git/objects") + "\n");
        Path shell = roots.resolve("shell");
        RequirementRepo.init(shell).close();
        // relative, as git clone --shared writes it when asked for a relative path
        Files.writeString(shell.resolve(".git/objects/info/alternates"), "../../../middle/.git/objects\n");
        Files.writeString(shell.resolve(".git/refs/heads/main"), secretCommit + "\n");
        assertRefused(shell, "alternate");
    }

    @Test
    void aWorktreeCommonDirectoryOutOfTheRootsIsRefused() throws Exception {
        Path linked = Files.createDirectories(roots.resolve("linked"));
        Files.writeString(linked.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(linked.resolve("commondir"), secret.resolve(".git") + "\n");
        assertRefused(linked, "common directory");
    }

    @Test
    void aSymbolicLinkInsideTheGitDirectoryOutOfTheRootsIsRefused() throws Exception {
        Path shell = roots.resolve("shell");
        RequirementRepo.init(shell).close();
        Path objects = shell.resolve(".git/objects");
        Files.delete(emptied(objects));
        Files.createSymbolicLink(objects, secret.resolve(".git/objects"));
        Files.writeString(shell.resolve(".git/refs/heads/main"), secretCommit + "\n");
        assertRefused(shell, "symbolic link");
    }

    @Test
    void linksAndWorktreesThatStayUnderTheRootsAreRead() throws Exception {
        Path team = roots.resolve("team");
        String commit;
        try (RequirementRepo repo = RequirementRepo.init(team).small()) {
            commit = repo.commit("ours");
        }
        Files.createSymbolicLink(roots.resolve("alias"), team);
        assertThat(importFrom(roots.resolve("alias")).commitId()).isEqualTo(commit);

        Process add = new ProcessBuilder("git", "-C", team.toString(), "worktree", "add", "-q",
                roots.resolve("wt").toString(), "-b", "wt").redirectErrorStream(true).start();
        assertThat(add.waitFor()).as(new String(add.getInputStream().readAllBytes())).isZero();
        assertThat(Files.isRegularFile(roots.resolve("wt/.git"))).as("a worktree's .git is a file").isTrue();
        assertThat(git.fetch(policy.check(roots.resolve("wt").toString()), "wt").commitId()).isEqualTo(commit);
        policy.confine(roots.resolve("wt").toString(), git);

        Path linkedRoots = Files.createSymbolicLink(temp.resolve("roots-link"), roots);
        RepositoryPolicy viaLink = new RepositoryPolicy(List.of(linkedRoots), List.of());
        viaLink.confine(viaLink.check(linkedRoots.resolve("team").toString()), git);
    }

    private void assertRefused(Path repository, String place) {
        assertThatThrownBy(() -> importFrom(repository))
                .as("the read of %s escaped to the secret repository", repository)
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.field()).isEqualTo("repository");
                    assertThat(refused.getMessage()).contains(place).contains("tracegate.git.local-roots")
                            .doesNotContain(temp.toString()).doesNotContain(secret.toString());
                });
    }

    private static Path emptied(Path dir) throws Exception {
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Files.delete(Files.isDirectory(entry) ? emptied(entry) : entry);
            }
        }
        return dir;
    }
}
