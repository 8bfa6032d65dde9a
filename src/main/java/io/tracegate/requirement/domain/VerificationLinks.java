package io.tracegate.requirement.domain;

import java.util.List;

/** The verification links of releases. */
public interface VerificationLinks {

    void add(VerificationLink link);

    List<VerificationLink> ofRelease(long releaseId);
}
