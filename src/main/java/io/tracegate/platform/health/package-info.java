/** MicroProfile Health checks: readiness means database reachable, schema migrated, blob store writable. */
package io.tracegate.platform.health;
