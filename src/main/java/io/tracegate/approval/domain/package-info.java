/** User accounts with their roles; accounts are deactivated, never deleted, so their signatures stay attributable. */
package io.tracegate.approval.domain;
