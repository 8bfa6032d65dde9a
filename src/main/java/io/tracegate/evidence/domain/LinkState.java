package io.tracegate.evidence.domain;

/**
 * The link of one evidence item to one requirement. A suspect link (the requirement changed after the
 * evidence was linked) proves nothing until the evidence is reviewed again or new evidence arrives.
 */
public record LinkState(long evidenceId, boolean suspect, String suspectReason) {
}
