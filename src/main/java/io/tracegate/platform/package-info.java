/**
 * The ground under every concept: configuration, the database and its migrations, the content-addressed
 * blob store, problem+json errors, the web edge's guards, role names and refusal events, and health
 * checks. It knows no concept.
 */
package io.tracegate.platform;
