/**
 * The audit package's model: its content as plain values, its layout, the package record and its jobs, and
 * the ports that build and verify packages.
 */
package io.tracegate.audit.domain;
