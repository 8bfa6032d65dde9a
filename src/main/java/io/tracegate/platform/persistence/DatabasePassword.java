package io.tracegate.platform.persistence;

/**
 * The database password as configured. {@code @DataSourceDefinition} takes it as
 * {@code ${MPCONFIG=tracegate.db.password}}, and MicroProfile Config treats an empty value as missing, so
 * Payara passes the placeholder itself on when the password is empty (the default): an H2 database was
 * then created with that text as its password, while the README says empty. The data sources below read the
 * placeholder as what it stands for.
 */
final class DatabasePassword {

    /** What Payara passes when {@code tracegate.db.password} is empty; also the password of data folders made so. */
    static final String UNRESOLVED = "${MPCONFIG=tracegate.db.password}";

    private DatabasePassword() {
    }

    static String configured(String passed) {
        return passed == null || UNRESOLVED.equals(passed) ? "" : passed;
    }
}
