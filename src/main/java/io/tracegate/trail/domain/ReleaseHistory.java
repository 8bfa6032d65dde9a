package io.tracegate.trail.domain;

import java.util.Collection;
import java.util.List;

/**
 * The audit trail read for audit packages: the events that concern one release and whether the
 * chain holds up to them. Events about audit packages themselves (generated, downloaded) are left out:
 * they are about the package, not the release, and would make every package differ from the last.
 */
public interface ReleaseHistory {

    /**
     * @param artifactIds the release's artifacts, whose uploads are events of their own
     * @param evidenceIds the release's evidence items, whose uploads and reviews are events of their own
     */
    History of(long releaseId, Collection<Long> artifactIds, Collection<Long> evidenceIds);

    /** The release's events in trail order, and the chain's state up to the last of them. */
    record History(List<HistoryEvent> events, ChainCheck chain) {
    }
}
