package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.LatencyDistribution;
import io.tracegate.evidence.domain.LatencyHistogram;
import io.tracegate.evidence.domain.TimingSamples;
import io.tracegate.platform.blob.BlobStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/**
 * The latency distribution of each timing file of a release, read back from the blob store: the filed
 * metrics keep percentiles only. A file is read one at a time; ten million inferences, the most a file may
 * hold, are 80 MB while it is read.
 */
@Stateless
public class LatencyDistributions {

    /** Enough to show the shape (a tail, a second mode) on a page-wide chart. */
    static final int BINS = 48;

    @Inject
    TimingSamples samples;

    @Inject
    BlobStore store;

    /** @param items the release's evidence, as the caller has already read it (20,000 rows are not read twice) */
    @RolesAllowed(ANY_ROLE)
    public List<LatencyDistribution> of(List<Evidence> items) {
        List<LatencyDistribution> distributions = new ArrayList<>();
        for (Evidence e : items) {
            if (!samples.format().equals(e.format())) {
                continue;
            }
            Path blob = store.existing(e.sha256(), "evidence " + e.fileName());
            try (InputStream in = Files.newInputStream(blob)) {
                double[] latencies = samples.latenciesMs(e.fileName(), in);
                distributions.add(new LatencyDistribution(e.id(), e.fileName(),
                        LatencyHistogram.of(latencies, latencies.length, BINS)));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + e.fileName() + " from the blob store", ex);
            }
        }
        return distributions;
    }
}
