package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.RequirementDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
            List<RequirementDraft> drafts = git.read(snapshot, "requirements", Optional.empty()).drafts();
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
    void aReimportReadsOnlyTheFilesTheGitDiffNamesAndCarriesTheOtherMembers() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.commit("first");
            GitRequirementSource git = source(GitLimits.defaults());
            GitRequirementSource.Snapshot first = git.fetch(repo.dir().toString(), "main");
            GitRequirementSource.Read full = git.read(first, "", Optional.empty());
            assertThat(full.carried()).isEmpty();
            List<BaselineMember> before = stored(full.drafts());

            repo.write("requirements/system/FSR-01.md", RequirementRepo.requirement("FSR-01", "D",
                    "functional-safety-requirement", "SG-01", ""));
            repo.delete("requirements/perception/MLR-PED-NIGHT.md");
            repo.commit("second");
            GitRequirementSource.Snapshot second = git.fetch(repo.dir().toString(), "main");
            GitRequirementSource.Read after = git.read(second, "",
                    Optional.of(new GitRequirementSource.Previous(first.commitId(), before)));

            assertThat(after.touched()).containsExactlyInAnyOrder("requirements/system/FSR-01.md",
                    "requirements/perception/MLR-PED-NIGHT.md");
            assertThat(after.drafts()).singleElement().satisfies(changed -> {
                assertThat(changed.id().value()).isEqualTo("FSR-01");
                assertThat(changed.asil().name()).isEqualTo("D");
            });
            assertThat(after.carried()).as("carried over by reference, not read again")
                    .containsExactly(before.stream().filter(m -> m.id().value().equals("SG-01")).findFirst().orElseThrow());
        }
    }

    @Test
    void aChangedReqifFileInTheRepositoryReplacesAllItsRequirements() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo"))) {
            repo.write("specs/front.reqif", ReqifDocuments.doorsExport());
            repo.write("specs/odd#dir/ODD-1.md", RequirementRepo.requirement("ODD-1", "QM", "safety-goal", "", ""));
            repo.commit("first");
            GitRequirementSource git = new GitRequirementSource(temp.resolve("mirrors"),
                    List.of(new MarkdownFormat(), new ReqifFormat()), GitLimits.defaults());
            GitRequirementSource.Snapshot first = git.fetch(repo.dir().toString(), "main");
            List<RequirementDraft> drafts = git.read(first, "", Optional.empty()).drafts();
            assertThat(drafts).hasSize(4).extracting(RequirementDraft::sourcePath).allMatch(p -> p.contains("#"));

            repo.write("specs/front.reqif", ReqifDocuments.doorsExport().replace("Pedestrian recall", "Pedestrian recall (revised)"));
            repo.write("specs/odd", "not a requirement file, but named like the part of odd#dir/ODD-1.md before '#'");
            repo.commit("second");
            GitRequirementSource.Snapshot second = git.fetch(repo.dir().toString(), "main");
            GitRequirementSource.Read again = git.read(second, "",
                    Optional.of(new GitRequirementSource.Previous(first.commitId(), stored(drafts))));

            assertThat(again.drafts()).as("every requirement of the changed ReqIF file read again")
                    .extracting(RequirementDraft::sourcePath).hasSize(drafts.size() - 1)
                    .allMatch(p -> p.startsWith("specs/front.reqif#"));
            assertThat(again.carried()).as("nothing of the changed file is carried; the Markdown file is")
                    .extracting(BaselineMember::sourcePath).containsExactly("specs/odd#dir/ODD-1.md");
        }
    }

    /** The drafts as a stored baseline's members (row numbers made up), as the repository would return them. */
    private static List<BaselineMember> stored(List<RequirementDraft> drafts) {
        List<BaselineMember> members = new java.util.ArrayList<>();
        for (RequirementDraft d : drafts) {
            members.add(new BaselineMember(1, 100 + members.size(), d.id(), d.parents(), d.asil(), d.sourcePath(),
                    d.sourceVersion()));
        }
        return members;
    }

    @Test
    void aRepositoryUrlIsFetchedIntoABareMirrorAndAgainAfterACommit() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.commit("first");
            GitRequirementSource git = source(GitLimits.defaults());
            String url = repo.dir().toUri().toString();
            git.fetch(url, "main");
            String second = repo.write("requirements/system/FSR-02.md", RequirementRepo.requirement("FSR-02", "C",
                    "functional-safety-requirement", "SG-01", "")).commit("second");
            GitRequirementSource.Snapshot snapshot = git.fetch(url, "main");
            assertThat(snapshot.commitId()).isEqualTo(second);

            java.nio.file.Path mirror;
            try (var mirrors = java.nio.file.Files.list(temp.resolve("mirrors"))) {
                mirror = mirrors.collect(java.util.stream.Collectors.toList()).get(0);
            }
            assertThat(snapshot.gitDir()).isEqualTo(mirror);
            try (org.eclipse.jgit.lib.Repository bare = org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(mirror.toFile())) {
                assertThat(bare.isBare()).isTrue();
                assertThat(bare.exactRef("refs/remotes/origin/main").getObjectId().name()).isEqualTo(second);
            }
            assertThat(mirror.resolve("requirements")).as("nothing checked out").doesNotExist();
            assertThat(git.read(git.fetch(url, second), "", Optional.empty()).drafts()).hasSize(4);
        }
    }

    @Test
    void aLocalRepositoryIsReadInPlaceAtTheCommitTheRefNamedThen() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            String first = repo.commit("first");
            GitRequirementSource git = source(GitLimits.defaults());
            GitRequirementSource.Snapshot snapshot = git.fetch(repo.dir().toString(), "main");
            repo.write("requirements/system/FSR-02.md", RequirementRepo.requirement("FSR-02", "C",
                    "functional-safety-requirement", "SG-01", "")).commit("second");

            assertThat(snapshot.commitId()).isEqualTo(first);
            assertThat(snapshot.gitDir()).isEqualTo(repo.dir().resolve(".git"));
            assertThat(temp.resolve("mirrors")).as("no copy of a local repository").doesNotExist();
            assertThat(git.read(snapshot, "", Optional.empty()).drafts()).as("the pinned commit, not the branch's new tip")
                    .hasSize(3);
            assertThat(git.read(git.fetch(repo.dir().toString(), "main"), "", Optional.empty()).drafts()).hasSize(4);
        }
    }

    @Test
    void aLocalRepositorysOwnRefsAndUnreachableCommitsAreNotImported() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(temp.resolve("repo")).small()) {
            repo.commit("first");
            String dangling = repo.write("requirements/system/FSR-02.md", RequirementRepo.requirement("FSR-02", "C",
                    "functional-safety-requirement", "SG-01", "")).commit("second");
            repo.resetHard("HEAD~1");
            GitRequirementSource git = source(GitLimits.defaults());
            for (String ref : List.of(dangling, "HEAD", "refs/heads/main", "main@{1}")) {
                assertThatThrownBy(() -> git.fetch(repo.dir().toString(), ref)).as(ref)
                        .isInstanceOf(BaselineRejected.class).hasMessageContaining("no branch, tag or commit");
            }
        }
    }

    @Test
    void aLocalPathThatIsNoRepositoryIsRefused() throws Exception {
        java.nio.file.Path plain = java.nio.file.Files.createDirectories(temp.resolve("plain"));
        assertThatThrownBy(() -> source(GitLimits.defaults()).fetch(plain.toString(), "main"))
                .isInstanceOf(BaselineRejected.class).hasMessageContaining("cannot fetch").hasMessageContaining("not a Git repository");
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
