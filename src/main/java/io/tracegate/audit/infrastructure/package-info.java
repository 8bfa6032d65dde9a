/**
 * The trail on JPA: appends serialised by a pessimistic write lock on the head row, keyset pages for
 * streaming verification and export.
 */
package io.tracegate.audit.infrastructure;
