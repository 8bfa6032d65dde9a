package io.tracegate.evidence.domain;

/** A safety engineer's judgement of one evidence item; the latest review decides. */
public enum ReviewState {
    UNREVIEWED, ACCEPTED, REJECTED
}
