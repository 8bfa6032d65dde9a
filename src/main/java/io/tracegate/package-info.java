/**
 * Tracegate: a safety-traceable release manager for compressed perception models.
 * Packages are cut by concept ({@code release}, {@code requirement}, {@code evidence}, {@code approval},
 * {@code audit}) and layered inside (domain, application, infrastructure, interfaces); {@code platform}
 * holds the few cross-cutting pieces.
 */
package io.tracegate;
