package io.tracegate.identity.application;

import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.TokenSecret;

/** A token just issued, with its secret: shown once, then only its hash is known. */
public record IssuedToken(ApiToken token, TokenSecret secret) {
}
