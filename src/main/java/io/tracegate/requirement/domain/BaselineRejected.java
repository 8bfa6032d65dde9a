package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.List;
import java.util.stream.Collectors;

/** An import that cannot become a baseline; lists every problem found (up to a limit), each with its file. */
public class BaselineRejected extends InvalidInput {

    static final int SHOWN = 20;

    private final List<ImportProblem> problems;

    public BaselineRejected(List<ImportProblem> problems) {
        super(problems.isEmpty() || problems.get(0).file() == null ? "source" : "file",
                problems.size() + " problem(s): " + problems.stream().limit(SHOWN).map(ImportProblem::toString)
                        .collect(Collectors.joining("; ")) + (problems.size() > SHOWN ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public BaselineRejected(ImportProblem problem) {
        this(List.of(problem));
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
