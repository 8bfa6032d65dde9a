package io.tracegate.approval.application;

import io.tracegate.approval.domain.ApiToken;
import io.tracegate.approval.domain.TokenSecret;

/** A token just issued, with its secret: shown once, then only its hash is known. */
public record IssuedToken(ApiToken token, TokenSecret secret) {
}
