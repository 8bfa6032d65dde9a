package io.tracegate.requirement.infrastructure;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Git repository of requirement files, built in a test folder with JGit. */
public final class RequirementRepo implements AutoCloseable {

    private final Git git;
    private final Path dir;

    private RequirementRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static RequirementRepo init(Path dir) throws Exception {
        Files.createDirectories(dir);
        return new RequirementRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    public Path dir() {
        return dir;
    }

    public RequirementRepo write(String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    public RequirementRepo delete(String path) throws Exception {
        Files.delete(dir.resolve(path));
        git.rm().addFilepattern(path).call();
        return this;
    }

    public String commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        RevCommit commit = git.commit().setMessage(message).setAuthor("Sam", "sam@example.com")
                .setCommitter("Sam", "sam@example.com").setSign(false).call();
        return commit.name();
    }

    /** Moves the current branch to {@code ref}, leaving the commits after it unreachable (but in the reflog). */
    public void resetHard(String ref) throws Exception {
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(ref).call();
    }

    public void tag(String name) throws Exception {
        git.tag().setName(name).setSigned(false).setAnnotated(false).call();
    }

    /** A requirement file in the native format. */
    public static String requirement(String id, String asil, String kind, String parents, String criteria) {
        return """
                ---
                id: %s
                title: Requirement %s
                asil: %s
                kind: %s
                parents: [%s]
                verification:
                  method: HIL
                  level: ml-model
                criteria: [%s]
                ---
                Why %s matters.
                """.formatted(id, id, asil, kind, parents, criteria, id);
    }

    /** Three levels: a safety goal, an FSR under it and an ML requirement with a criterion. */
    public RequirementRepo small() throws Exception {
        write("requirements/safety-goals/SG-01.md", requirement("SG-01", "D", "safety-goal", "", ""));
        write("requirements/system/FSR-01.md", requirement("FSR-01", "C", "functional-safety-requirement", "SG-01", ""));
        write("requirements/perception/MLR-PED-NIGHT.md", requirement("MLR-PED-NIGHT", "B", "ml-performance", "FSR-01",
                "\"recall[class=pedestrian, set=night-hil] >= 0.95\""));
        write("requirements/README.md", "# Requirements\nNot a requirement: no front matter.\n");
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}
