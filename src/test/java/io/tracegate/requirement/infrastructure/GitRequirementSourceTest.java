package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.RequirementDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against real Git repositories made with JGit: fetch without checkout, incremental reads, limits. */
class GitRequirementSourceTest {

    @TempDir
    Path temp;

    private GitRequirementSource source(GitLimits limits) {
        return new GitRequirementSource(temp.resolve("mirrors"), List.of(new MarkdownFormat()), limits);
    }

    @Test
    void readsEveryRequirementFileAtTheCommitAndIgnoresFilesWithoutFrontMatter() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            String commit = repo.commit("first");
            GitRequirementSource git = source(GitLimits.defaults());
            GitRequirementSource.Snapshot snapshot = git.fetch(repo.dir().toString(), "main");
            assertThat(snapshot.commitId()).isEqualTo(commit);
            List<RequirementDraft> drafts = git.read(snapshot, "requirements", Optional.empty());
            assertThat(drafts).extracting(d -> d.id().value()).containsExactlyInAnyOrder("SG-01", "FSR-01", "MLR-PED-NIGHT");
            RequirementDraft ml = drafts.stream().filter(d -> d.id().value().equals("MLR-PED-NIGHT")).findFirst().orElseThrow();
            assertThat(ml.criteria()).hasSize(1);
            assertThat(ml.criteria().get(0).toString()).isEqualTo("recall[class=pedestrian, set=night-hil] >= 0.95");
            assertThat(ml.sourcePath()).isEqualTo("requirements/perception/MLR-PED-NIGHT.md");
            assertThat(ml.sourceVersion()).hasSize(40);
        }
    }

    @Test
    void aTagAndACommitIdResolveLikeABranch() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            String first = repo.commit("first");
            repo.tag("v1");
            repo.write("requirements/system/FSR-02.md", RequirementRepo.requirement("FSR-02", "C",
                    "functional-safety-requirement", "SG-01", ""));
            repo.commit("second");
            GitRequirementSource git = source(GitLimits.defaults());
            assertThat(git.fetch(repo.dir().toString(), "v1").commitId()).isEqualTo(first);
            assertThat(git.fetch(repo.dir().toString(), first).commitId()).isEqualTo(first);
            assertThatThrownBy(() -> git.fetch(repo.dir().toString(), "no-such-branch"))
                    .isInstanceOf(BaselineRejected.class).hasMessageContaining("no-such-branch");
        }
    }

    @Test
    void aReimportReadsOnlyTheFilesTheGitDiffNames() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.commit("first");
            GitRequirementSource git = source(GitLimits.defaults());
            GitRequirementSource.Snapshot first = git.fetch(repo.dir().toString(), "main");
            Map<String, RequirementDraft> before = git.read(first, "", Optional.empty()).stream()
                    .collect(Collectors.toMap(RequirementDraft::sourcePath, Function.identity()));

            repo.write("requirements/system/FSR-01.md", RequirementRepo.requirement("FSR-01", "D",
                    "functional-safety-requirement", "SG-01", ""));
            repo.delete("requirements/perception/MLR-PED-NIGHT.md");
            repo.commit("second");
            GitRequirementSource.Snapshot second = git.fetch(repo.dir().toString(), "main");
            List<RequirementDraft> after = git.read(second, "",
                    Optional.of(new GitRequirementSource.Previous(first.commitId(), before)));

            assertThat(after).extracting(d -> d.id().value()).containsExactlyInAnyOrder("SG-01", "FSR-01");
            RequirementDraft unchanged = after.stream().filter(d -> d.id().value().equals("SG-01")).findFirst().orElseThrow();
            assertThat(unchanged).as("carried over, not read again").isSameAs(before.get("requirements/safety-goals/SG-01.md"));
            RequirementDraft changed = after.stream().filter(d -> d.id().value().equals("FSR-01")).findFirst().orElseThrow();
            assertThat(changed.asil().name()).isEqualTo("D");
        }
    }

    @Test
    void aRepositoryWithMoreFilesThanAllowedIsRefused() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.commit("first");
            GitRequirementSource git = source(new GitLimits(3, 1 << 20, 1 << 30));
            GitRequirementSource.Snapshot snapshot = git.fetch(repo.dir().toString(), "main");
            assertThatThrownBy(() -> git.read(snapshot, "", Optional.empty()))
                    .isInstanceOf(BaselineRejected.class).hasMessageContaining("more than 3 files");
        }
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.write("requirements/HUGE.md", "---\nid: HUGE\n" + "#".repeat(5000) + "\n---\n");
            repo.commit("first");
            GitRequirementSource git = source(new GitLimits(100, 4096, 1 << 30));
            GitRequirementSource.Snapshot snapshot = git.fetch(repo.dir().toString(), "main");
            assertThatThrownBy(() -> git.read(snapshot, "", Optional.empty()))
                    .isInstanceOf(BaselineRejected.class).hasMessageContaining("requirements/HUGE.md").hasMessageContaining("4096");
        }
    }

    @Test
    void everyMalformedFileIsNamedWithItsLine() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.write("requirements/BAD-YAML.md", "---\nid: BAD-YAML\ntitle: [unclosed\n---\n");
            repo.write("requirements/BAD-ASIL.md", RequirementRepo.requirement("BAD-ASIL", "E", "safety-goal", "", ""));
            repo.commit("first");
            GitRequirementSource git = source(GitLimits.defaults());
            GitRequirementSource.Snapshot snapshot = git.fetch(repo.dir().toString(), "main");
            assertThatThrownBy(() -> git.read(snapshot, "", Optional.empty()))
                    .isInstanceOfSatisfying(BaselineRejected.class, e -> {
                        assertThat(e.problems()).hasSize(2);
                        assertThat(e.getMessage()).contains("requirements/BAD-YAML.md:").contains("malformed YAML");
                        assertThat(e.getMessage()).contains("requirements/BAD-ASIL.md:4").contains("unknown ASIL 'E'");
                    });
        }
    }
}
