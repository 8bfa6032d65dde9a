package io.tracegate.release.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** A perception model family, e.g. a front-camera object detector; its releases are the versions of it. */
@Entity
@Table(name = "model")
public class Model {

    @Id
    @SequenceGenerator(name = "model_seq", sequenceName = "model_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "model_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(length = 4000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Model() {
    }

    private Model(ModelName name, String description, String createdBy, Instant createdAt) {
        this.name = name.value();
        this.description = Descriptions.check("description", description);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public static Model register(ModelName name, String description, String by, Instant at) {
        return new Model(name, description, by, at);
    }

    public Long id() {
        return id;
    }

    public ModelName name() {
        return new ModelName(name);
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
