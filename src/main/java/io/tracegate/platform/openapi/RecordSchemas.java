package io.tracegate.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The component schemas of records, written from the classes as JSON-B writes their instances: one property
 * per component, {@code long} as {@code integer/int64}, times as RFC 3339 strings, enums as their names, lists
 * as arrays, maps as objects of values, and every record reached named once and referred to by {@code $ref}.
 * Only primitive components are required by default: JSON-B leaves out a null, so an absent field is how a
 * missing value looks; a component's {@code @Schema(required, nullable, enumeration, example, description)}
 * and a record's {@code @Schema(requiredProperties)} say more where the code does.
 */
final class RecordSchemas {

    private static final String SCHEMAS = "#/components/schemas/";

    private final Map<String, Class<?>> named = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new LinkedHashMap<>();

    private RecordSchemas() {
    }

    /** The schemas of the records and of every record they reach, by simple class name. */
    static Map<String, Schema> of(Collection<Class<? extends Record>> records) {
        RecordSchemas all = new RecordSchemas();
        records.forEach(all::name);
        return all.schemas;
    }

    /** A schema name is the simple class name; two records of one name must not both reach the document. */
    private String name(Class<?> record) {
        String name = record.getSimpleName();
        Class<?> earlier = named.putIfAbsent(name, record);
        if (earlier == null) {
            schemas.put(name, null);
            schemas.put(name, object(record));
        } else if (earlier != record) {
            throw new IllegalStateException("two API records are named " + name + ": " + earlier.getName()
                    + " and " + record.getName() + "; rename one");
        }
        return name;
    }

    private Schema object(Class<?> record) {
        Schema object = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        org.eclipse.microprofile.openapi.annotations.media.Schema described = record.getAnnotation(
                org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        List<String> required = new ArrayList<>(described == null ? List.of()
                : Arrays.asList(described.requiredProperties()));
        if (described != null && !described.description().isEmpty()) {
            object.description(described.description());
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = of(component.getGenericType());
            var annotation = annotationOf(record, component);
            if (annotation != null) {
                if (annotation.enumeration().length > 0) {
                    property.enumeration(new ArrayList<>(Arrays.asList((Object[]) annotation.enumeration())));
                }
                if (!annotation.example().isEmpty()) {
                    property.example(annotation.example());
                }
                if (!annotation.description().isEmpty()) {
                    property.description(annotation.description());
                }
                if (annotation.nullable()) {
                    property = property.getRef() == null ? property.nullable(true)
                            : OASFactory.createSchema().allOf(List.of(property)).nullable(true);
                }
            }
            if ((component.getType().isPrimitive() || annotation != null && annotation.required())
                    && !required.contains(component.getName())) {
                required.add(component.getName());
            }
            object.addProperty(component.getName(), property);
        }
        if (!required.isEmpty()) {
            object.required(required);
        }
        return object;
    }

    /** {@code @Schema} on a record component lands on its field (the annotation does not target components). */
    private static org.eclipse.microprofile.openapi.annotations.media.Schema annotationOf(Class<?> record,
                                                                                          RecordComponent component) {
        try {
            Field field = record.getDeclaredField(component.getName());
            return field.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        } catch (NoSuchFieldException impossible) {
            return null;
        }
    }

    private Schema of(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(of(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                        .additionalPropertiesSchema(of(arguments[1]));
            }
            if (raw == Optional.class) {
                return of(arguments[0]);
            }
        }
        if (type instanceof Class<?> plain) {
            return ofClass(plain);
        }
        throw new IllegalStateException("no JSON schema for " + type.getTypeName());
    }

    private Schema ofClass(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return simple(Schema.SchemaType.STRING, null);
        }
        if (type == long.class || type == Long.class || type == BigInteger.class) {
            return simple(Schema.SchemaType.INTEGER, type == BigInteger.class ? null : "int64");
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return simple(Schema.SchemaType.INTEGER, "int32");
        }
        if (type == double.class || type == Double.class) {
            return simple(Schema.SchemaType.NUMBER, "double");
        }
        if (type == float.class || type == Float.class) {
            return simple(Schema.SchemaType.NUMBER, "float");
        }
        if (type == BigDecimal.class) {
            return simple(Schema.SchemaType.NUMBER, null);
        }
        if (type == boolean.class || type == Boolean.class) {
            return simple(Schema.SchemaType.BOOLEAN, null);
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return simple(Schema.SchemaType.STRING, "date-time");
        }
        if (type == LocalDate.class) {
            return simple(Schema.SchemaType.STRING, "date");
        }
        if (type.isEnum()) {
            return simple(Schema.SchemaType.STRING, null).enumeration(Arrays.stream(type.getEnumConstants())
                    .map(constant -> (Object) ((Enum<?>) constant).name()).toList());
        }
        if (type.isRecord()) {
            return OASFactory.createSchema().ref(SCHEMAS + name(type));
        }
        throw new IllegalStateException("no JSON schema for " + type.getName());
    }

    private static Schema simple(Schema.SchemaType type, String format) {
        Schema schema = OASFactory.createSchema().type(type);
        return format == null ? schema : schema.format(format);
    }
}
