/**
 * The approval model: the release manifest that signatures bind to, signatures with their meaning, signing
 * challenges, the approval policy and its rules, and waivers; and the port by which approval learns whether
 * the release's approval package exists.
 */
package io.tracegate.approval.domain;
