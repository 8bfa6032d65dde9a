package io.tracegate.requirement.application;

/**
 * @param directory the folder of the repository that holds the requirements ("" for all of it)
 * @param name      how the baseline is shown; defaults to repository@commit
 */
public record GitImportRequest(String repository, String ref, String directory, String name) {
}
