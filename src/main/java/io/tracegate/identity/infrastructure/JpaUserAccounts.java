package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserAccounts implements UserAccounts {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(UserAccount account) {
        em.persist(account);
        em.flush();
    }

    @Override
    public Optional<UserAccount> named(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    @Override
    public List<UserAccount> page(int offset, int limit) {
        return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long activeWithRole(String role) {
        return em.createQuery("select count(u) from UserAccount u join u.roles r where u.active = true and r = :role",
                        Long.class)
                .setParameter("role", role).getSingleResult();
    }
}
