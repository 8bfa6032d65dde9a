package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelInspector;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ModelInspector} over the blob store. The gate runs the cross-check on every request and a large ONNX
 * model takes seconds to parse, so the facts of the last {@code tracegate.crosscheck.model-facts-cache} models read
 * are kept, least recently used first out. Blobs are named by their SHA-256, so a kept entry never goes stale; a
 * file that cannot be read is kept as its rejection, since it will not become readable either.
 *
 * <p>Files are read outside the lock, so one slow model does not hold up the others; two first requests for the
 * same model may then both read it, which costs time but gives the same facts.
 */
@ApplicationScoped
public class StoredOnnxModels implements ModelInspector {

    private BlobStore store;
    private Map<Sha256, Outcome> kept;

    /** For CDI's proxy only. */
    protected StoredOnnxModels() {
    }

    @Inject
    public StoredOnnxModels(BlobStore store,
                            @ConfigProperty(name = "tracegate.crosscheck.model-facts-cache", defaultValue = "64") int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("tracegate.crosscheck.model-facts-cache must be at least 1, not " + entries);
        }
        this.store = store;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Sha256, Outcome> eldest) {
                return size() > entries;
            }
        };
    }

    @Override
    public ModelFacts facts(String fileName, Sha256 content, long size) {
        Outcome outcome = kept(content);
        if (outcome == null) {
            outcome = read(fileName, content, size);
            keep(content, outcome);
        }
        return outcome.facts();
    }

    private synchronized Outcome kept(Sha256 content) {
        return kept.get(content);
    }

    private synchronized void keep(Sha256 content, Outcome outcome) {
        kept.put(content, outcome);
    }

    private Outcome read(String fileName, Sha256 content, long size) {
        Path file = store.existing(content, "model " + fileName);
        try (InputStream in = Files.newInputStream(file)) {
            return new Outcome(OnnxReader.read(fileName, in, size), null);
        } catch (EvidenceRejected e) {
            return new Outcome(null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not kept: the next request may read it
        }
    }

    /** The facts, or why the file is not a readable model. */
    private record Outcome(ModelFacts facts, EvidenceRejected rejected) {

        @Override
        public ModelFacts facts() {
            if (rejected != null) {
                throw rejected;
            }
            return facts;
        }
    }
}
