package io.tracegate.release.application;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.paging.Page;
import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.ModelName;
import io.tracegate.release.domain.Models;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.AuditValues;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;

/** Registering and looking up model families. */
@Stateless
public class ModelCatalog {

    @Inject
    Models models;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @RolesAllowed({ML_ENGINEER, ADMIN})
    public Model register(ModelName name, String description) {
        if (models.named(name).isPresent()) {
            throw new Conflict("name", "a model named '" + name + "' already exists");
        }
        Model model = Model.register(name, description, caller.getCallerPrincipal().getName(), Instant.now());
        models.add(model);
        trail.record(new AuditEntry(model.createdBy(), "model.create", "model", model.name().value(), null,
                AuditValues.json("name", model.name().value(), "description", model.description()), null));
        return model;
    }

    @RolesAllowed(ANY_ROLE)
    public Page<Model> list(int offset, int limit) {
        return new Page<>(models.page(offset, limit), offset, limit, models.count());
    }

    @RolesAllowed(ANY_ROLE)
    public Model named(ModelName name) {
        return models.named(name).orElseThrow(() -> new NoSuchEntity("model", name));
    }
}
