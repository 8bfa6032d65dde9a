/**
 * What the integration tests share: an HTTP client for the deployed API, the demo logins, the
 * PostgreSQL test database, and the deployment (the WAR that {@code mvn package} built, as users get it).
 */
package io.tracegate.it;
