/**
 * Benchmarks, run with {@code mvn -Pbench verify}: each prints its figures next to a peer measured in the
 * same run. They are programs, not tests: nothing here runs in {@code mvn verify}.
 */
package io.tracegate.bench;
