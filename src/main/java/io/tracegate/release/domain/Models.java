package io.tracegate.release.domain;

import java.util.List;
import java.util.Optional;

/** All registered model families. */
public interface Models {

    void add(Model model);

    Optional<Model> named(ModelName name);

    /** Models ordered by name. */
    List<Model> page(int offset, int limit);

    long count();
}
