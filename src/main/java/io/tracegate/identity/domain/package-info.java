/**
 * User accounts with their roles and password rules, and API tokens with their scopes; accounts are
 * deactivated, never deleted, so their signatures stay attributable.
 */
package io.tracegate.identity.domain;
