package io.tracegate.evidence.domain;

import java.io.InputStream;

/**
 * An evidence file format, as a plug-in. The upload names a format or lets Tracegate pick: every format
 * is asked whether it {@link #supports} the file and the highest {@link #priority()} wins; a file no
 * format supports is kept as an opaque blob.
 */
public interface EvidenceFormat {

    /** The stable name clients use to declare the format, e.g. {@code junit-xml}. */
    String name();

    /**
     * Whether this format reads the file, judged by its name and its first bytes (at most 4 KiB; fewer
     * for shorter files). Cheap and never throws.
     */
    boolean supports(String fileName, byte[] head);

    /** Higher wins when several formats support a file. */
    int priority();

    /**
     * Reads the file as a stream, in memory bounded independently of the file's size (apart from what
     * the result itself holds, which is bounded by the format's own limits).
     *
     * @throws EvidenceRejected naming the file and the problem when the content is not this format,
     *                          malformed, hostile or over a limit
     */
    ParsedEvidence read(String fileName, InputStream content);
}
