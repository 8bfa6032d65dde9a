package io.tracegate.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Git repository of requirement files as {@link RequirementImportBenchmark} makes it: 10 safety goals,
 * 100 FSRs under them, the rest ML requirements under the FSRs with one recall criterion each.
 */
final class BaselineRepository {

    static final int GOALS = 10;
    static final int FSRS = 100;

    private BaselineRepository() {
    }

    static void generate(Path repo, int requirements) throws Exception {
        write(requirements, i -> repo.resolve("requirements/area-" + (i % 50) + "/" + idOf(i) + ".md"));
        PackageBenchmark.run(repo, "git", "init", "-q", "-b", "main");
        PackageBenchmark.run(repo, "git", "add", "-A");
        PackageBenchmark.run(repo, "git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q",
                "-m", requirements + " requirements");
    }

    /**
     * Writes the requirement files: {@value #GOALS} safety goals, {@value #FSRS} FSRs under them, the rest ML
     * requirements under the FSRs, each at the path {@code fileOf} gives.
     */
    static void write(int requirements, java.util.function.IntFunction<Path> fileOf) throws java.io.IOException {
        for (int i = 0; i < requirements; i++) {
            String kind = i < GOALS ? "safety-goal" : i < GOALS + FSRS ? "functional-safety-requirement" : "ml-performance";
            String parent = i < GOALS ? "" : i < GOALS + FSRS ? idOf(i % GOALS) : idOf(GOALS + i % FSRS);
            String criteria = i < GOALS + FSRS ? "" : "\"recall[class=pedestrian, set=night-hil] >= 0.9" + (i % 10) + "\"";
            Path file = fileOf.apply(i);
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    ---
                    id: %s
                    title: Generated requirement %d
                    asil: %s
                    kind: %s
                    parents: [%s]
                    verification: {method: HIL, level: ml-model}
                    criteria: [%s]
                    ---
                    Why it matters.
                    """.formatted(idOf(i), i, i < GOALS ? "D" : "B", kind, parent, criteria));
        }
    }

    static String idOf(int i) {
        return "REQ-" + i;
    }
}
