package io.tracegate.evidence.infrastructure.jpa;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceFacts;
import io.tracegate.evidence.domain.EvidenceFile;
import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.EvidenceReview;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.TestFact;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence items through JPA; their metrics and test cases (up to hundreds of thousands per release)
 * through plain JDBC batches and projections, which cost a fraction of managed entities. Both run on the
 * transaction's one connection, so they commit or roll back together.
 */
@ApplicationScoped
public class JpaEvidenceItems implements EvidenceItems {

    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public void add(Evidence evidence, List<Metric> metrics, List<TestResult> tests, List<Set<String>> named) {
        em.persist(evidence);
        em.flush();
        try (Connection connection = dataSource.getConnection()) {
            EvidenceRows.insertMetrics(connection, evidence.id(), metrics);
            EvidenceRows.insertTests(connection, evidence.id(), tests, named);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the content of evidence " + evidence.id() + " failed", e);
        }
    }

    @Override
    public void addReview(EvidenceReview review) {
        em.persist(review);
        em.flush();
    }

    @Override
    public Optional<Evidence> withId(long id) {
        return Optional.ofNullable(em.find(Evidence.class, id));
    }

    @Override
    public Optional<Evidence> sameUpload(long releaseId, String fileName, String sha256) {
        return em.createQuery("select e from Evidence e where e.release.id = :release and e.fileName = :name "
                        + "and e.sha256 = :sha", Evidence.class)
                .setParameter("release", releaseId).setParameter("name", fileName).setParameter("sha", sha256)
                .getResultStream().findFirst();
    }

    /**
     * The requirements each item names (an eager element collection) are read in batches of the fetched
     * items' ids; otherwise EclipseLink reads them with one query per item, 20,000 for a large release.
     */
    @Override
    public List<Evidence> page(long releaseId, int offset, int limit) {
        return em.createQuery("select e from Evidence e where e.release.id = :release order by e.id", Evidence.class)
                .setParameter("release", releaseId).setFirstResult(offset).setMaxResults(limit)
                .setHint(BATCH_TYPE, "IN").setHint(BATCH, "e.explicitRequirements").getResultList();
    }

    /**
     * The linked requirement ids come with a join on the release rather than in IN lists of the page's ids:
     * for a release's 20,000 items, H2 checked every row of the link table against each IN list, which
     * took a fifth of reading the release for its package.
     */
    @Override
    public List<Evidence> all(long releaseId) {
        return em.createQuery("select e from Evidence e where e.release.id = :release order by e.id", Evidence.class)
                .setParameter("release", releaseId)
                .setHint(BATCH_TYPE, "JOIN").setHint(BATCH, "e.explicitRequirements").getResultList();
    }

    /** Five columns of each row, no entities: a package reads this first, to start copying the files sooner. */
    @Override
    public List<EvidenceFile> files(long releaseId) {
        return em.createQuery("select e.id, e.fileName, e.sha256, e.size, e.uploadedAt from Evidence e "
                        + "where e.release.id = :release order by e.id", Object[].class)
                .setParameter("release", releaseId).getResultStream()
                .map(row -> new EvidenceFile((Long) row[0], (String) row[1], new Sha256((String) row[2]),
                        (Long) row[3], (Instant) row[4])).toList();
    }

    @Override
    public long count(long releaseId) {
        return em.createQuery("select count(e) from Evidence e where e.release.id = :release", Long.class)
                .setParameter("release", releaseId).getSingleResult();
    }

    @Override
    public List<EvidenceReview> reviewsOf(long evidenceId) {
        return em.createQuery("select r from EvidenceReview r where r.evidence.id = :id order by r.reviewedAt, r.id",
                EvidenceReview.class).setParameter("id", evidenceId).getResultList();
    }

    @Override
    public Map<Long, List<EvidenceReview>> reviewsOfRelease(long releaseId) {
        Map<Long, List<EvidenceReview>> byItem = new HashMap<>();
        em.createQuery("select r from EvidenceReview r where r.evidence.release.id = :release "
                        + "order by r.reviewedAt, r.id", EvidenceReview.class)
                .setParameter("release", releaseId).getResultStream()
                .forEach(r -> byItem.computeIfAbsent(r.evidence().id(), id -> new ArrayList<>()).add(r));
        return byItem;
    }

    @Override
    public List<Metric> metricsOf(long evidenceId) {
        try (Connection connection = dataSource.getConnection()) {
            return EvidenceRows.metricsOf(connection, evidenceId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the metrics of evidence " + evidenceId + " failed", e);
        }
    }

    @Override
    public List<TestResult> testsOf(long evidenceId, int offset, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return EvidenceRows.testsOf(connection, evidenceId, offset, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the tests of evidence " + evidenceId + " failed", e);
        }
    }

    @Override
    public List<EvidenceFacts> factsOf(long releaseId, List<Evidence> items) {
        try (Connection connection = dataSource.getConnection()) {
            return EvidenceRows.factsOf(connection, releaseId, items);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the evidence of release " + releaseId + " failed", e);
        }
    }
}
