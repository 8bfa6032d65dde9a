/**
 * The trail on JPA (appends serialised by a pessimistic write lock on the head row, keyset pages for
 * streaming verification and export), and a release's history read with plain JDBC in one verifying walk.
 */
package io.tracegate.trail.infrastructure;
