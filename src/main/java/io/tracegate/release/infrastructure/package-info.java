/** JPA implementations of the release concept's repositories. */
package io.tracegate.release.infrastructure;
