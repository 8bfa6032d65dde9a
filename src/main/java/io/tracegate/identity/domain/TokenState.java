package io.tracegate.identity.domain;

/** Whether a token works now: only {@code ACTIVE} tokens authenticate. */
public enum TokenState { ACTIVE, EXPIRED, REVOKED }
