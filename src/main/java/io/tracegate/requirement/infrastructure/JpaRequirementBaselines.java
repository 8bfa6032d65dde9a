package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Baselines in the database. Written with JDBC ({@link JdbcBaselineWriter}) on the transaction's own
 * connection, read with JPA (and the members of the previous baseline with one JDBC query).
 */
@ApplicationScoped
public class JpaRequirementBaselines implements RequirementBaselines {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Inject
    JdbcBaselineWriter writer;

    @Override
    public long add(RequirementBaseline baseline) {
        return writer.write(connection(), baseline);
    }

    @Override
    public Optional<RequirementBaseline> withId(long id) {
        Optional<RequirementBaseline> baseline = summary(id);
        baseline.ifPresent(b -> {
            readRequirements(id);
            b.requirements().size(); // the members, built from the requirements just read: no more queries
        });
        return baseline;
    }

    @Override
    public Optional<RequirementBaseline> summary(long id) {
        return Optional.ofNullable(em.find(RequirementBaseline.class, id));
    }

    @Override
    public Optional<Requirement> requirement(long baselineId, RequirementId id) {
        return em.createQuery("select r from RequirementBaseline b join b.requirements r "
                        + "where b.id = :baseline and r.id = :id", Requirement.class)
                .setParameter("baseline", baselineId).setParameter("id", id.value())
                .getResultStream().findFirst();
    }

    @Override
    public List<RequirementBaseline> page(int offset, int limit) {
        return em.createQuery("select b from RequirementBaseline b order by b.importedAt desc, b.id desc",
                RequirementBaseline.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(b) from RequirementBaseline b", Long.class).getSingleResult();
    }

    @Override
    public Optional<RequirementBaseline> latestFrom(BaselineSource.Kind kind, String location) {
        return em.createQuery("select b from RequirementBaseline b where b.source.kind = :kind "
                        + "and b.source.location = :location order by b.importedAt desc, b.id desc", RequirementBaseline.class)
                .setParameter("kind", kind).setParameter("location", location)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<BaselineMember> membersOf(long baselineId) {
        return JdbcBaselineMembers.of(connection(), baselineId);
    }

    @Override
    public Map<RequirementId, String> fingerprints(long baselineId) {
        return JdbcBaselineMembers.fingerprints(connection(), baselineId);
    }

    /**
     * The connection EclipseLink uses in the current transaction (unwrapping begins the transaction on it):
     * JDBC work on it is part of the transaction and visible to every JPA query that follows in it.
     */
    private Connection connection() {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("baselines are stored and read with JDBC only inside a transaction");
        }
        return connection;
    }

    /**
     * Reads a baseline's requirements into the persistence context in one query (parents and criteria are
     * columns of the row), so building the baseline's member list afterwards needs no query per requirement.
     */
    private void readRequirements(long baselineId) {
        em.createQuery("select r from Requirement r where r.pk in "
                        + "(select m.pk from RequirementBaseline b join b.requirements m where b.id = :id)", Requirement.class)
                .setParameter("id", baselineId)
                .getResultList();
    }
}
