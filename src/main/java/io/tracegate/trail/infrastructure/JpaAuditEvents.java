package io.tracegate.trail.infrastructure;

import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.AuditEvents;
import io.tracegate.trail.domain.AuditFilter;
import io.tracegate.trail.domain.AuditHead;
import io.tracegate.trail.domain.ChainHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAuditEvents implements AuditEvents {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        return filtered("select e from AuditEvent e", filter, " order by e.seq", AuditEvent.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(AuditFilter filter) {
        return filtered("select count(e) from AuditEvent e", filter, "", Long.class).getSingleResult();
    }

    @Override
    public List<AuditEvent> range(long after, long upTo, int max) {
        return em.createQuery("select e from AuditEvent e where e.seq > :after and e.seq <= :upTo order by e.seq",
                        AuditEvent.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public ChainHead head() {
        return em.createQuery("select h from AuditHead h where h.id = :id", AuditHead.class)
                .setParameter("id", AuditHead.ID)
                .setHint("eclipselink.refresh", "true")
                .getResultStream().findFirst()
                .map(AuditHead::head)
                .orElseThrow(() -> new IllegalStateException("the audit_head row is missing: the schema is damaged"));
    }

    @Override
    public Optional<Long> firstBeyondHead() {
        Long seq = em.createQuery("select min(e.seq) from AuditEvent e where e.seq > "
                        + "(select h.lastSeq from AuditHead h where h.id = :id)", Long.class)
                .setParameter("id", AuditHead.ID)
                .getSingleResult();
        return Optional.ofNullable(seq);
    }

    private <T> TypedQuery<T> filtered(String select, AuditFilter filter, String order, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        if (filter.subjectType() != null) {
            conditions.add("e.subjectType = :subjectType");
        }
        if (filter.subjectId() != null) {
            conditions.add("e.subjectId = :subjectId");
        }
        if (filter.action() != null) {
            conditions.add("e.action = :action");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<T> query = em.createQuery(select + where + order, type);
        if (filter.subjectType() != null) {
            query.setParameter("subjectType", filter.subjectType());
        }
        if (filter.subjectId() != null) {
            query.setParameter("subjectId", filter.subjectId());
        }
        if (filter.action() != null) {
            query.setParameter("action", filter.action());
        }
        return query;
    }
}
