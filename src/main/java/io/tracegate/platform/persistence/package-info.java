/**
 * The application's data source (embedded H2 by default, PostgreSQL by configuration) and the Flyway
 * migration that runs before anything else; JPA converters shared by every concept.
 */
package io.tracegate.platform.persistence;
