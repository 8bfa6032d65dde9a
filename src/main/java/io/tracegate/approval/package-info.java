/** Who may do what: user accounts and roles now; API tokens, sign-offs, policy and waivers later. */
package io.tracegate.approval;
