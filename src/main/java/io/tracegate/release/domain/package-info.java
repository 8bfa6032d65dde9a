/**
 * The release concept in the users' words: a {@link io.tracegate.release.domain.Model} family, its
 * {@link io.tracegate.release.domain.Release}s with their {@link io.tracegate.release.domain.OptimizationRecipe},
 * and their {@link io.tracegate.release.domain.Artifact}s. No JAX-RS, JDBC or library types here.
 */
package io.tracegate.release.domain;
