/**
 * ML safety requirements: immutable baselines imported from Git (requirements as code) or ReqIF,
 * machine-checkable acceptance criteria, diffs between baselines and the suspect marking that follows.
 */
package io.tracegate.requirement;
