package io.tracegate.evidence.domain;

import java.io.InputStream;

/**
 * Reads the per-inference latencies back out of a stored timing file (trtexec {@code --exportTimes}): the
 * metrics filed at upload keep only its percentiles, the audit report charts the whole distribution.
 */
public interface TimingSamples {

    /** The name of the evidence format whose files this reads. */
    String format();

    /** The latencies in milliseconds, in file order; the file is checked as strictly as at upload. */
    double[] latenciesMs(String fileName, InputStream content);
}
