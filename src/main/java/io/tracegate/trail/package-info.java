/**
 * The audit trail, on the ground floor: the append-only, hash-chained record of every change that every
 * concept writes to, its verification and its export. It knows no concept above it: a subject is a type and
 * an id, and values are plain text.
 */
package io.tracegate.trail;
