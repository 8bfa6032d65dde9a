/**
 * Audit packages, on the top floor below the demo: the signed, reproducible packages auditors download,
 * read from every concept below, and their verification. The trail they quote lives in
 * {@code io.tracegate.trail}.
 */
package io.tracegate.audit;
