/** Who may do what: user accounts, roles, API tokens and logins now; sign-offs, policy and waivers later. */
package io.tracegate.approval;
