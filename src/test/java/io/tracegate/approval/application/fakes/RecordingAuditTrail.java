package io.tracegate.approval.application.fakes;

import io.tracegate.audit.domain.AuditEntry;
import io.tracegate.audit.domain.AuditTrail;

import java.util.ArrayList;
import java.util.List;

/** The audit trail as a list of what was recorded, oldest first (the hash chain is the real trail's own test). */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
