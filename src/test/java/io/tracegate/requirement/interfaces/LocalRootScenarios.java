package io.tracegate.requirement.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.requirement.infrastructure.RequirementRepo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Git import reads nothing outside {@code tracegate.git.local-roots}, however the repository points out of
 * them (a symbolic link, a {@code .git} file, {@code objects/info/alternates}), and its refusals name the field
 * and the part of the repository but no folder of the server.
 */
public interface LocalRootScenarios extends ApiScenarios {

    private static Path gitRoot() {
        return Path.of(System.getProperty("tracegate.it.git-root", "target/it-git")).toAbsolutePath();
    }

    private Reply importGit(Path repository) {
        return api().post(Login.SAFETY_ENGINEER, "api/baselines/git",
                "{\"repository\": \"%s\", \"directory\": \"requirements\"}".formatted(repository));
    }

    @Test
    default void aRepositoryThatLeadsOutOfTheLocalRootsIsRefusedWithoutNamingAServerFolder() throws Exception {
        Path secret = gitRoot().resolveSibling("it-git-outside").resolve(Api.unique("secret"));
        String commit;
        try (RequirementRepo repo = RequirementRepo.init(secret).small()) {
            commit = repo.commit("not for import");
        }
        Path link = Files.createSymbolicLink(gitRoot().resolve(Api.unique("link")), secret);

        Path worktree = Files.createDirectories(gitRoot().resolve(Api.unique("worktree")));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + secret.resolve(".git") + "\n");

        Path shell = gitRoot().resolve(Api.unique("shell"));
        RequirementRepo.init(shell).close();
        Files.writeString(shell.resolve(".git/objects/info/alternates"), secret.resolve(".git/objects") + "\n");
        Files.writeString(shell.resolve(".git/refs/heads/main"), commit + "\n");

        long before = api().get(Login.AUDITOR, "api/baselines").json().getInt("total");
        Map<Path, String> parts = Map.of(link, "repository folder", worktree, "Git directory",
                shell, "alternate object directory");
        parts.forEach((repository, part) -> {
            Reply refused = importGit(repository);
            assertThat(refused.status()).as(repository + " " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().getString("field")).isEqualTo("repository");
            assertThat(refused.json().getString("detail")).contains(part, "tracegate.git.local-roots");
            assertThat(refused.body()).as("no server folder in the answer")
                    .doesNotContain(gitRoot().getParent().toString()).doesNotContain(secret.getFileName().toString());
        });
        assertThat(api().get(Login.AUDITOR, "api/baselines").json().getInt("total")).as("nothing imported")
                .isEqualTo(before);
    }

    @Test
    default void refusedLocalRepositoriesAreNotAnsweredWithTheServersFolders() throws Exception {
        Path notARepository = Files.createDirectories(gitRoot().resolve(Api.unique("plain")));
        Reply plain = importGit(notARepository);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(400);
        assertThat(plain.json().getString("detail")).contains("not a Git repository");

        Reply outside = importGit(gitRoot().resolveSibling("elsewhere"));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
        assertThat(outside.json().getString("detail")).contains("tracegate.git.local-roots");

        for (Reply refused : new Reply[] {plain, outside}) {
            assertThat(refused.body()).as("the roots and the data folder are the server's")
                    .doesNotContain(gitRoot().getParent().toString());
        }
    }
}
