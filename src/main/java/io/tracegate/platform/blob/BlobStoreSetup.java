package io.tracegate.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Places the blob store under the configured data directory, and bounds the uploads streaming into it at once:
 * {@code tracegate.upload.concurrent} (default: as many as fit their buffers in a quarter of the maximum heap)
 * and {@code tracegate.upload.concurrent-per-account}.
 */
@ApplicationScoped
public class BlobStoreSetup {

    private static final Logger LOG = Logger.getLogger(BlobStoreSetup.class.getName());

    @Inject
    @ConfigProperty(name = "tracegate.data.dir")
    String dataDir;

    @Produces
    @Singleton
    BlobStore blobStore() {
        return new BlobStore(Path.of(dataDir, "blobs"));
    }

    @Produces
    @Singleton
    UploadSlots uploadSlots(@ConfigProperty(name = "tracegate.upload.concurrent") Optional<Integer> serverWide,
                            @ConfigProperty(name = "tracegate.upload.concurrent-per-account") int perAccount) {
        long heap = Runtime.getRuntime().maxMemory();
        UploadSlots slots = new UploadSlots(serverWide.filter(n -> n > 0).orElse(UploadSlots.fittingHeap(heap)), perAccount);
        LOG.info(() -> "Uploads streaming at once: at most " + slots.serverWide() + " (" + slots.perAccount()
                + " per account), " + (UploadSlots.BUFFER_BYTES >> 20) + " MiB of buffers each, maximum heap "
                + (heap >> 20) + " MiB");
        return slots;
    }
}
