/**
 * Cross-cutting pieces every concept uses: configuration, the database and its migrations, the
 * content-addressed blob store, problem+json errors, security set-up, health checks and the demo loader.
 */
package io.tracegate.platform;
