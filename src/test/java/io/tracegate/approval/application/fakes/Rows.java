package io.tracegate.approval.application.fakes;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/**
 * What the database does to an entity and the fakes must do too: hand out its generated id, or load a row
 * as stored. Entities keep their ids private (JPA sets them); the fakes set them the same way, by field.
 */
public final class Rows {

    private Rows() {
    }

    /** Assigns {@code id} to the entity's private {@code id} field, as a sequence would on insert. */
    public static <T> T withId(T entity, long id) {
        return with(entity, "id", id);
    }

    /** Sets one persistent field, as JPA does when it loads a row. */
    public static <T> T with(T entity, String field, Object value) {
        for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(entity, value);
                return entity;
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new AssertionError("cannot set " + field + " on " + type.getSimpleName(), e);
            }
        }
        throw new AssertionError(entity.getClass().getSimpleName() + " has no field " + field);
    }

    /** A fresh entity through its protected no-argument constructor, as JPA creates one to load a row into. */
    public static <T> T load(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create " + type.getSimpleName(), e);
        }
    }
}
