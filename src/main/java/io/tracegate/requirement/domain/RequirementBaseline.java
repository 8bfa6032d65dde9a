package io.tracegate.requirement.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of requirements, exactly as imported from one Git commit or one ReqIF file.
 * It is only ever created whole ({@link #freeze}), after the set is checked: unique ids, parents that
 * exist, no cycles in the decomposition. Nothing changes it afterwards.
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

    @OneToMany(mappedBy = "baseline", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Requirement> requirements = new ArrayList<>();

    protected RequirementBaseline() {
    }

    /** Checks the drafts as a set and freezes them; every problem found is reported at once. */
    public static RequirementBaseline freeze(String name, BaselineSource source, List<RequirementDraft> drafts,
                                             String by, Instant at) {
        List<ImportProblem> problems = new ArrayList<>(DecompositionCheck.problemsIn(drafts));
        if (drafts.isEmpty()) {
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
        drafts.stream().sorted(java.util.Comparator.comparing(d -> d.id().value()))
                .forEach(draft -> baseline.requirements.add(Requirement.of(baseline, draft)));
        baseline.requirementCount = baseline.requirements.size();
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

    public List<Requirement> requirements() {
        return Collections.unmodifiableList(requirements);
    }

    public Optional<Requirement> requirement(RequirementId id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The requirements by id. */
    public Map<RequirementId, Requirement> byId() {
        return requirements.stream().collect(Collectors.toMap(Requirement::id, Function.identity()));
    }

    /** The highest ASIL of any requirement: it selects the approval policy. */
    public Asil highestAsil() {
        return requirements.stream().map(Requirement::asil).max(Enum::compareTo).orElse(Asil.QM);
    }
}
