package io.tracegate.requirement.domain;

/** One thing wrong with an import, located as precisely as the source allows. */
public record ImportProblem(String file, Integer line, String message) {

    @Override
    public String toString() {
        return (file == null ? "" : file + (line == null ? "" : ":" + line) + ": ") + message;
    }
}
