package io.tracegate.evidence.domain;

import io.tracegate.platform.failure.InvalidInput;

/**
 * An evidence file that cannot be read as the format it claims: malformed, hostile, over a limit, or a
 * different format. The message names the file and, where known, the line or element.
 */
public class EvidenceRejected extends InvalidInput {

    public EvidenceRejected(String fileName, String problem) {
        super("file", fileName + ": " + problem);
    }
}
