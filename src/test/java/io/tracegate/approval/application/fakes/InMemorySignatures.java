package io.tracegate.approval.application.fakes;

import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.Signatures;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.evidence.domain.Waivers;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signatures and waivers, append-only, with the unique key of the tables: one signature per signer and round
 * ({@code signature_once_uk}); waivers have none (an expired one may be renewed in the round, V17). Like
 * {@code JpaSignatures} it also answers which waivers are valid for the trace matrix.
 */
public final class InMemorySignatures implements Signatures, Waivers {

    private final List<Signature> signatures = new ArrayList<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private long nextId = 1;

    @Override
    public void add(Signature signature) {
        if (signatures.stream().anyMatch(s -> s.releaseId() == signature.releaseId() && s.round() == signature.round()
                && s.signer().equals(signature.signer()))) {
            throw new UniqueViolation("signature_once_uk", signature.releaseId() + "/" + signature.round() + "/"
                    + signature.signer());
        }
        signatures.add(Rows.withId(signature, nextId++));
    }

    @Override
    public void add(Waiver waiver) {
        waivers.add(Rows.withId(waiver, nextId++));
    }

    @Override
    public List<Signature> ofRelease(long releaseId) {
        return signatures.stream().filter(s -> s.releaseId() == releaseId)
                .sorted(Comparator.comparing(Signature::signedAt).thenComparing(Signature::id)).toList();
    }

    @Override
    public List<Waiver> waiversOf(long releaseId) {
        return waivers.stream().filter(w -> releaseOf(w) == releaseId)
                .sorted(Comparator.comparing(Waiver::signedAt).thenComparing(Waiver::id)).toList();
    }

    @Override
    public Set<RequirementId> validFor(Release release, Instant now) {
        return waiversOf(release.id()).stream().filter(w -> w.isValidFor(release, now))
                .flatMap(w -> w.requirementId().stream()).collect(Collectors.toSet());
    }

    @Override
    public Set<String> findingCodesValidFor(Release release, Instant now) {
        return waiversOf(release.id()).stream().filter(w -> w.isValidFor(release, now))
                .flatMap(w -> w.findingCode().stream()).collect(Collectors.toSet());
    }

    /** A waiver has no accessor for its release (its column is in the embedded signed content); read the column. */
    private static long releaseOf(Waiver waiver) {
        Object signed = field(waiver, "signed");
        return (long) Objects.requireNonNull(field(signed, "releaseId"));
    }

    private static Object field(Object target, String name) {
        try {
            var f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
