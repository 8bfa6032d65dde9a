package io.tracegate.requirement.domain;

import java.io.InputStream;
import java.util.List;

/**
 * A requirements file format, as a plug-in: Markdown with YAML front matter, ReqIF, ReqIFz. Importers
 * ask every format whether it {@link #supports} a file and use the one with the highest priority.
 */
public interface RequirementFormat {

    /** Whether this format reads the file, judged by its name (e.g. {@code *.md}, {@code *.reqifz}). */
    boolean supports(String fileName);

    /** Higher wins when several formats support a file. */
    int priority();

    /**
     * Reads the requirements in one file: none (a Markdown file without front matter, such as a README),
     * one, or many (a ReqIF document).
     *
     * @param path    the file's path in its source, used in every error message
     * @param version the Git blob id or the file's SHA-256, kept so unchanged files need not be re-read
     * @throws BaselineRejected naming the file (and line, where known) when the content is malformed
     */
    List<RequirementDraft> read(String path, InputStream content, String version);
}
