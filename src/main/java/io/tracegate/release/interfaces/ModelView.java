package io.tracegate.release.interfaces;

import io.tracegate.release.domain.Model;

import java.time.Instant;

/** A model family as the API shows it. */
public record ModelView(String name, String description, Instant createdAt, String createdBy, String releases) {

    static ModelView of(Model model) {
        return new ModelView(model.name().value(), model.description(), model.createdAt(), model.createdBy(),
                "/api/models/" + model.name() + "/releases");
    }
}
