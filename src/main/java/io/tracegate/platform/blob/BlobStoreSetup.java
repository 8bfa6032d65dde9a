package io.tracegate.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/** Places the blob store under the configured data directory. */
@ApplicationScoped
public class BlobStoreSetup {

    @Inject
    @ConfigProperty(name = "tracegate.data.dir")
    String dataDir;

    @Produces
    @Singleton
    BlobStore blobStore() {
        return new BlobStore(Path.of(dataDir, "blobs"));
    }
}
