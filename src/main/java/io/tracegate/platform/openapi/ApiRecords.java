package io.tracegate.platform.openapi;

import java.util.List;

/**
 * The records a concept's resources read or write as JSON bodies, named for the OpenAPI document (a
 * {@link java.util.ServiceLoader} service, listed in {@code META-INF/services}). The scanner's own schemas of
 * records are wrong in several ways (a record with an annotated component becomes {@code type: string},
 * {@code long} a bare {@code number}, lists lose their items), so {@link RecordSchemas} writes them from these
 * classes instead. Records reached from these through their components need not be listed.
 */
public interface ApiRecords {

    List<Class<? extends Record>> records();
}
