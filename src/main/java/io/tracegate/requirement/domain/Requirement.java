package io.tracegate.requirement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One requirement as frozen in a baseline. Its fingerprint is the SHA-256 of its normalised content
 * (every field, criteria in canonical form, text with line ends and trailing blanks normalised), so two
 * baselines agree on a requirement exactly when their fingerprints match. A stored row is immutable and
 * shared by every later baseline of the same source that still has the requirement unchanged (see
 * {@link BaselineMember}).
 */
@Entity
@Table(name = "requirement")
public class Requirement {

    @Id
    @SequenceGenerator(name = "requirement_seq", sequenceName = "requirement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requirement_seq")
    private Long pk;

    /** The baseline that introduced this row; later baselines may share it. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "baseline_id")
    private RequirementBaseline baseline;

    @Column(name = "req_id", nullable = false, length = 100)
    private String id;

    @Column(nullable = false, length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Asil asil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private RequirementKind kind;

    @Column(name = "verification_method", length = 20)
    private String verificationMethod;

    @Column(name = "verification_level", length = 20)
    private String verificationLevel;

    /** The parent ids, one per line, in the order written (see {@link #lines}). */
    @Column(name = "parent_ids", nullable = false, length = 1_000_000)
    private String parents = "";

    /** The criteria in canonical form, one per line. */
    @Column(name = "criteria", nullable = false, length = 1_000_000)
    private String criteria = "";

    @Column(name = "body", length = 20000)
    private String text;

    @Column(name = "source_path", length = 1000)
    private String sourcePath;

    @Column(name = "source_version", length = 64)
    private String sourceVersion;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \t]+\n");

    protected Requirement() {
    }

    static Requirement of(RequirementBaseline baseline, RequirementDraft draft) {
        Requirement r = new Requirement();
        r.baseline = baseline;
        r.id = draft.id().value();
        r.title = draft.title();
        r.asil = Objects.requireNonNull(draft.asil());
        r.kind = Objects.requireNonNull(draft.kind());
        r.verificationMethod = draft.verification().method();
        r.verificationLevel = draft.verification().level();
        List<String> parents = new ArrayList<>(draft.parents().size());
        draft.parents().forEach(parent -> parents.add(parent.value()));
        List<String> criteria = new ArrayList<>(draft.criteria().size());
        draft.criteria().forEach(criterion -> criteria.add(criterion.toString()));
        r.parents = joined(parents);
        r.criteria = joined(criteria);
        r.text = draft.text();
        r.sourcePath = draft.sourcePath();
        r.sourceVersion = draft.sourceVersion();
        r.fingerprint = fingerprintOf(r.fields());
        return r;
    }

    /** The fields that make up the requirement's content, by name, in a fixed order. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("asil", asil.name());
        fields.put("kind", kind.slug());
        fields.put("parents", String.join(",", sorted(parentsAsText())));
        fields.put("verification", verificationMethod + "/" + verificationLevel);
        fields.put("criteria", String.join("\n", criteriaAsText()));
        fields.put("text", normalise(text));
        return fields;
    }

    private static List<String> sorted(List<String> elements) {
        if (elements.size() < 2) {
            return elements;
        }
        List<String> sorted = new ArrayList<>(elements);
        sorted.sort(null);
        return sorted;
    }

    /**
     * Line ends as {@code \n}, no blanks before them, no leading or trailing white space. Text that has no
     * carriage return and no blank before a line end (nearly all) skips the regular expression: computing every
     * fingerprint of an import is on its critical path.
     */
    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        boolean blankBeforeLineEnd = false;
        for (int at = unified.indexOf('\n'); at > 0 && !blankBeforeLineEnd; at = unified.indexOf('\n', at + 1)) {
            char before = unified.charAt(at - 1);
            blankBeforeLineEnd = before == ' ' || before == '\t';
        }
        return (blankBeforeLineEnd ? TRAILING_BLANKS.matcher(unified).replaceAll("\n") : unified).strip();
    }

    private static String fingerprintOf(Map<String, String> fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            fields.forEach((name, value) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public RequirementId id() {
        return new RequirementId(id);
    }

    public String title() {
        return title;
    }

    public Asil asil() {
        return asil;
    }

    public RequirementKind kind() {
        return kind;
    }

    public Verification verification() {
        return new Verification(verificationMethod, verificationLevel);
    }

    public List<RequirementId> parents() {
        return parentsAsText().stream().map(RequirementId::new).toList();
    }

    public List<AcceptanceCriterion> criteria() {
        return criteriaAsText().stream().map(AcceptanceCriterion::parse).toList();
    }

    /** The criteria in their canonical text form, as stored (no parsing). */
    public List<String> criteriaAsText() {
        return lines(criteria);
    }

    /** The parent ids as stored (no validation). */
    public List<String> parentsAsText() {
        return lines(parents);
    }

    /** The parent ids as stored in the row: one per line (see {@link #lines}). */
    public String parentLines() {
        return parents;
    }

    /** The canonical criteria as stored in the row: one per line (see {@link #lines}). */
    public String criterionLines() {
        return criteria;
    }

    /**
     * A stored list: one element per line, the empty string for none. Ids and canonical criteria never
     * contain a line break, so the text is the list exactly.
     */
    public static List<String> lines(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n", -1));
    }

    /** The stored text of a list of ids or canonical criteria; {@link #lines} reads it back. */
    private static String joined(List<String> elements) {
        for (String element : elements) {
            if (element.isEmpty() || element.indexOf('\n') >= 0 || element.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("not storable as one line: '" + element + "'");
            }
        }
        return String.join("\n", elements);
    }

    public String text() {
        return text;
    }

    public String sourcePath() {
        return sourcePath;
    }

    public String sourceVersion() {
        return sourceVersion;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
