package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable snapshot of requirements, exactly as imported from one Git commit or one ReqIF file.
 * It is only ever created whole ({@link #freeze}), after the set is checked: unique ids, parents that
 * exist, no cycles in the decomposition. Nothing changes it afterwards.
 *
 * <p>Baselines of the same source share the stored rows of requirements that did not change: a re-import
 * introduces rows only for what it read again and carries the other members over ({@link BaselineMember}).
 * The repository stores a frozen baseline from {@link #introduced()} and {@link #carried()}; its
 * {@link #requirements()} are the stored members, read through the view {@code baseline_requirement}: the rows
 * the baseline introduced (a row is a member of the baseline that introduced it) and those it carries over.
 */
@Entity
@Table(name = "requirement_baseline")
public class RequirementBaseline {

    @Id
    @SequenceGenerator(name = "requirement_baseline_seq", sequenceName = "requirement_baseline_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requirement_baseline_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Embedded
    private BaselineSource source;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 64)
    private String importedBy;

    @Column(name = "requirement_count", nullable = false)
    private int requirementCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "highest_asil", nullable = false, length = 2)
    private Asil highestAsil;

    /**
     * The members, read only: the join "table" is a view (the introduced rows plus the carried memberships of
     * {@code baseline_member}); the repository writes the rows and memberships itself (a write through this
     * mapping would fail on the view, not corrupt).
     */
    @ManyToMany
    @JoinTable(name = "baseline_requirement", joinColumns = @JoinColumn(name = "baseline_id"),
            inverseJoinColumns = @JoinColumn(name = "requirement_pk"))
    @OrderBy("id")
    private List<Requirement> requirements = new ArrayList<>();

    /** New requirement rows this baseline brings, as frozen (not kept when read back). */
    @Transient
    private List<Requirement> introduced = List.of();

    /** Members of an earlier baseline this one shares unchanged, as frozen (not kept when read back). */
    @Transient
    private List<BaselineMember> carried = List.of();

    @Transient
    private Map<RequirementId, Requirement> index;

    protected RequirementBaseline() {
    }

    /** Checks the drafts as a set and freezes them; every problem found is reported at once. */
    /** The lengths of the name and source_path columns. */
    private static final int MAX_NAME = 200;
    private static final int MAX_PATH = 1000;

    public static RequirementBaseline freeze(String name, BaselineSource source, List<RequirementDraft> drafts,
                                             String by, Instant at) {
        return freeze(name, source, drafts, List.of(), by, at);
    }

    /**
     * Freezes requirements read now together with members carried unchanged from an earlier baseline of the
     * same source (a Git re-import reads only the files the diff names). The set rules run over both, so a
     * carried requirement whose parent disappeared, or a new file reusing a carried id, is refused just as
     * in a full import; every problem found is reported at once.
     */
    public static RequirementBaseline freeze(String name, BaselineSource source, List<RequirementDraft> drafts,
                                             List<BaselineMember> carried, String by, Instant at) {
        List<RequirementOutline> outlines = new ArrayList<>(drafts.size() + carried.size());
        drafts.forEach(draft -> outlines.add(draft.outline()));
        carried.forEach(member -> outlines.add(member.outline()));
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidInput("name", "is " + name.length() + " characters long; at most " + MAX_NAME);
        }
        List<ImportProblem> problems = new ArrayList<>(DecompositionCheck.problemsIn(outlines));
        drafts.forEach(draft -> {
            String path = draft.sourcePath();
            if (path != null && path.length() > MAX_PATH) {
                // The problem shows the path's end: the file name is what its author recognises.
                problems.add(new ImportProblem("…" + path.substring(path.length() - 150), null, "the path is "
                        + path.length() + " characters long; at most " + MAX_PATH + " are kept"));
            }
        });
        if (outlines.isEmpty()) {
            problems.add(new ImportProblem(null, null, "no requirements found in " + source.location()));
        }
        if (!problems.isEmpty()) {
            throw new BaselineRejected(problems);
        }
        RequirementBaseline baseline = new RequirementBaseline();
        baseline.name = name == null || name.isBlank() ? source.location() + "@" + source.revision() : name;
        baseline.source = source;
        baseline.importedBy = by;
        baseline.importedAt = at;
        baseline.introduced = drafts.stream().sorted(java.util.Comparator.comparing(d -> d.id().value()))
                .map(draft -> Requirement.of(baseline, draft)).toList();
        baseline.carried = carried.stream().sorted(java.util.Comparator.comparing(m -> m.id().value())).toList();
        baseline.requirements = baseline.carried.isEmpty() ? new ArrayList<>(baseline.introduced) : null;
        baseline.requirementCount = outlines.size();
        baseline.highestAsil = Stream.concat(drafts.stream().map(RequirementDraft::asil),
                carried.stream().map(BaselineMember::asil)).max(Enum::compareTo).orElse(Asil.QM);
        return baseline;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public BaselineSource source() {
        return source;
    }

    public Instant importedAt() {
        return importedAt;
    }

    public String importedBy() {
        return importedBy;
    }

    public int size() {
        return requirementCount;
    }

    /**
     * Every requirement, ordered by id.
     *
     * @throws IllegalStateException on a baseline frozen with carried members and not stored yet: its
     *                               carried requirements are known only by reference until read back
     */
    public List<Requirement> requirements() {
        if (requirements == null) {
            throw new IllegalStateException("baseline " + name + " shares requirements with an earlier baseline; "
                    + "its full list is available once it is stored and read back");
        }
        return Collections.unmodifiableList(requirements);
    }

    /** The requirement rows this baseline introduces, as frozen; for the repository. Empty once read back. */
    public List<Requirement> introduced() {
        return introduced;
    }

    /** The members of an earlier baseline this one shares unchanged, as frozen; for the repository. Empty once read back. */
    public List<BaselineMember> carried() {
        return carried;
    }

    public Optional<Requirement> requirement(RequirementId id) {
        return Optional.ofNullable(byId().get(id));
    }

    /** The requirements by id. */
    public Map<RequirementId, Requirement> byId() {
        if (index == null) {
            Map<RequirementId, Requirement> byId = new HashMap<>();
            for (Requirement requirement : requirements()) {
                if (byId.put(requirement.id(), requirement) != null) {
                    throw new IllegalStateException("duplicate id " + requirement.id() + " in baseline " + name);
                }
            }
            index = Collections.unmodifiableMap(byId);
        }
        return index;
    }

    /** The highest ASIL of any requirement: it selects the approval policy. */
    public Asil highestAsil() {
        return highestAsil;
    }
}
