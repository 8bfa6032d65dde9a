package io.tracegate.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Declares that the current transaction only reads. By default every query first checks each entity the
 * transaction has loaded for changes to flush; a transaction that loads 20,000 evidence items and then
 * runs a hundred more queries (an audit package) spent minutes on those checks alone. With nothing to
 * write there is nothing they could find, so queries stop making them; anything written anyway is still
 * flushed at commit.
 */
@ApplicationScoped
public class ReadOnlyTransaction {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    /** For the rest of the current transaction: queries do not flush first. */
    public void readsOnly() {
        em.setFlushMode(FlushModeType.COMMIT);
    }
}
