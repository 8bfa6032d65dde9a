package io.tracegate.identity.domain;

import java.util.List;
import java.util.Optional;

/** All API tokens, revoked and expired ones included. */
public interface ApiTokens {

    void add(ApiToken token);

    Optional<ApiToken> byId(long id);

    /** Tokens whose secret starts with {@code prefix}: normally one, never many. */
    List<ApiToken> withPrefix(String prefix);

    List<ApiToken> ofAccount(UserAccount account);

    /** Newest first. */
    List<ApiToken> page(int offset, int limit);

    long count();
}
