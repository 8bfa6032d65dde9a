/**
 * How requirements get in and are stored: the Markdown/YAML and ReqIF formats, the JGit source (bare
 * fetch, no checkout, limits), and the JPA repository of baselines.
 */
package io.tracegate.requirement.infrastructure;
