/**
 * ML safety requirements: immutable baselines imported from Git (requirements as code) or ReqIF,
 * machine-checkable acceptance criteria, and diffs between baselines (the fingerprints that tell the
 * trace matrix when a review saw another version of a requirement).
 */
package io.tracegate.requirement;
