/**
 * Requirements in the users' words: {@link io.tracegate.requirement.domain.Requirement} with its
 * {@link io.tracegate.requirement.domain.Asil}, kind, parents and
 * {@link io.tracegate.requirement.domain.AcceptanceCriterion}s, grouped in an immutable
 * {@link io.tracegate.requirement.domain.RequirementBaseline}, compared by
 * {@link io.tracegate.requirement.domain.BaselineDiff}.
 */
package io.tracegate.requirement.domain;
