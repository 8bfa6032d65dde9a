/**
 * The evidence model: what a file says (metrics, test results, model facts), the plug-in interface for
 * evidence formats, the trace matrix and gate rules. No JAX-RS, JDBC or parser libraries here.
 */
package io.tracegate.evidence.domain;
