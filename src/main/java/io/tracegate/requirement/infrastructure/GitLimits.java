package io.tracegate.requirement.infrastructure;

/** What a repository may hold before an import is refused: a hostile repository must not exhaust the server. */
public record GitLimits(int maxFiles, long maxFileBytes, long maxTotalBytes) {

    public static GitLimits defaults() {
        return new GitLimits(50_000, 1 << 20, 256L << 20);
    }
}
