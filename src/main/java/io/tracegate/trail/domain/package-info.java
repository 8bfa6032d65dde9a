/**
 * The trail's model: what an entry and an event say, how events chain (the canonical form and its hash),
 * how a chain is verified, and the ports that append to the trail, page through it and read a release's
 * history from it.
 */
package io.tracegate.trail.domain;
