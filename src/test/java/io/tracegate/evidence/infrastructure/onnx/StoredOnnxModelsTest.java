package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.platform.blob.BlobStore;
import io.tracegate.platform.blob.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading is proven skipped by deleting the blob after the first read: only a kept entry can still answer. */
class StoredOnnxModelsTest {

    @TempDir
    Path root;

    private BlobStore store;

    private Sha256 stored(byte[] bytes) throws Exception {
        if (store == null) {
            store = new BlobStore(root);
        }
        Sha256 sha = Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        store.store(new ByteArrayInputStream(bytes), sha, bytes.length, Long.MAX_VALUE);
        return sha;
    }

    private static byte[] model(String graphName) {
        return new OnnxModelWriter().opset("", 17).graphName(graphName).input("x", FLOAT, 1).output("x", FLOAT, 1)
                .toBytes();
    }

    private void delete(Sha256 sha) throws Exception {
        Files.delete(store.locate(sha).orElseThrow());
    }

    @Test
    void aSecondInspectionOfTheSameContentDoesNotReadTheFileAgain() throws Exception {
        Sha256 sha = stored(model("detector"));
        StoredOnnxModels models = new StoredOnnxModels(store, 4);

        ModelFacts first = models.facts("a.onnx", sha, -1);
        delete(sha);
        ModelFacts second = models.facts("b.onnx", sha, -1);

        assertThat(first.graphName()).isEqualTo("detector");
        assertThat(second).isSameAs(first);
    }

    @Test
    void theLeastRecentlyUsedModelIsForgottenBeyondTheBound() throws Exception {
        Sha256 a = stored(model("a"));
        Sha256 b = stored(model("b"));
        Sha256 c = stored(model("c"));
        StoredOnnxModels models = new StoredOnnxModels(store, 2);
        models.facts("a.onnx", a, -1);
        models.facts("b.onnx", b, -1);
        models.facts("a.onnx", a, -1); // a used again: b is now the eldest
        models.facts("c.onnx", c, -1);
        delete(a);
        delete(b);
        delete(c);

        assertThat(models.facts("a.onnx", a, -1).graphName()).isEqualTo("a");
        assertThat(models.facts("c.onnx", c, -1).graphName()).isEqualTo("c");
        assertThatThrownBy(() -> models.facts("b.onnx", b, -1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing");
    }

    @Test
    void aFileThatIsNoModelIsRejectedWithoutBeingReadAgain() throws Exception {
        Sha256 sha = stored("not a model, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StoredOnnxModels models = new StoredOnnxModels(store, 4);

        assertThatThrownBy(() -> models.facts("broken.onnx", sha, -1)).isInstanceOf(EvidenceRejected.class)
                .hasMessageContaining("broken.onnx");
        delete(sha);
        assertThatThrownBy(() -> models.facts("broken.onnx", sha, -1)).isInstanceOf(EvidenceRejected.class);
    }

    @Test
    void aCacheOfNoEntriesIsRefused() {
        assertThatThrownBy(() -> new StoredOnnxModels(new BlobStore(root), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
