/**
 * Approval: reviews of a release, electronic sign-offs bound to its manifest digest, the approval policy by
 * highest ASIL, and waivers. Who the signers are comes from {@code io.tracegate.identity}.
 */
package io.tracegate.approval;
