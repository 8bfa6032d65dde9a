package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.ApiTokens;
import io.tracegate.identity.domain.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaApiTokens implements ApiTokens {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(ApiToken token) {
        em.persist(token);
        em.flush();
    }

    @Override
    public Optional<ApiToken> byId(long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    @Override
    public List<ApiToken> withPrefix(String prefix) {
        return em.createQuery("select t from ApiToken t where t.prefix = :prefix", ApiToken.class)
                .setParameter("prefix", prefix).setMaxResults(10).getResultList();
    }

    @Override
    public List<ApiToken> ofAccount(UserAccount account) {
        return em.createQuery("select t from ApiToken t where t.account = :account order by t.id", ApiToken.class)
                .setParameter("account", account).getResultList();
    }

    @Override
    public List<ApiToken> page(int offset, int limit) {
        return em.createQuery("select t from ApiToken t order by t.id desc", ApiToken.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(t) from ApiToken t", Long.class).getSingleResult();
    }
}
