/**
 * How requirements get in and are stored: the Markdown/YAML and ReqIF formats, the JGit source (a remote
 * repository fetched into a bare mirror, a local one read in place once everything it would open is found
 * under the roots; never a checkout; limits), and the repository of baselines (JDBC writes, JPA reads).
 */
package io.tracegate.requirement.infrastructure;
