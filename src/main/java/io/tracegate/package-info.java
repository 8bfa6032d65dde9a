/**
 * Tracegate: a safety-traceable release manager for compressed perception models.
 * Packages are cut by concept and the concepts are floors, lowest first: {@code platform}, {@code trail},
 * {@code identity}, {@code release}, {@code requirement}, {@code evidence}, {@code approval},
 * {@code audit}, {@code demo}; each uses only the floors below it, and each is layered inside (domain,
 * application, infrastructure, interfaces).
 */
package io.tracegate;
