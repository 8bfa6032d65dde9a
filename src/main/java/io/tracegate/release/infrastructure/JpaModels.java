package io.tracegate.release.infrastructure;

import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Models;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaModels implements Models {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(Model model) {
        em.persist(model);
        em.flush();
    }

    @Override
    public Optional<Model> named(ModelName name) {
        return em.createQuery("select m from Model m where m.name = :name", Model.class)
                .setParameter("name", name.value())
                .getResultStream().findFirst();
    }

    @Override
    public List<Model> page(int offset, int limit) {
        return em.createQuery("select m from Model m order by m.name", Model.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(m) from Model m", Long.class).getSingleResult();
    }
}
