/**
 * Use cases of the release concept: register models and releases, attach a recipe, take in artifacts.
 * Each is a transaction boundary and declares the roles allowed to run it.
 */
package io.tracegate.release.application;
