/**
 * How requirements get in and are stored: the Markdown/YAML and ReqIF formats, the JGit source (a remote
 * repository fetched into a bare mirror, a local one read in place once everything it would open is found
 * under the roots; never a checkout; limits), and the repository of baselines (JDBC writes, JPA reads). The
 * Markdown format reads the simple front matter nearly every file uses with a shortcut of its own
 * ({@code SimpleFrontMatter}, for speed only, private to the format) and everything else with SnakeYAML Engine,
 * which the shortcut gives way to wherever it is not sure.
 */
package io.tracegate.requirement.infrastructure;
