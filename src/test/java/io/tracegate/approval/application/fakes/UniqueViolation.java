package io.tracegate.approval.application.fakes;

import jakarta.persistence.PersistenceException;

/**
 * What the database throws when an insert breaks a unique key: its message names the constraint and says
 * "duplicate key", and it is a {@link PersistenceException}, so {@link io.tracegate.platform.persistence.Clash#is} and
 * the failure mapper treat it as the real one.
 */
public final class UniqueViolation extends PersistenceException {

    private final String constraint;

    public UniqueViolation(String constraint, String key) {
        super("duplicate key value violates unique constraint \"" + constraint + "\": " + key);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
