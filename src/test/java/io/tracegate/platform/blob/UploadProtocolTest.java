package io.tracegate.platform.blob;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.UploadRejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload protocol on a real blob store in a temp folder, with the recording side faked by a list of rows. */
class UploadProtocolTest {

    private static final byte[] BODY = "a junit report".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private BlobStore store;
    private UploadProtocol protocol;
    private final List<String> rows = new ArrayList<>();
    private final List<String> examined = new ArrayList<>();
    private Sha256 sha256;

    @BeforeEach
    void open() throws Exception {
        store = new BlobStore(root);
        protocol = new UploadProtocol(store, new UploadSlots(4, 4), () -> "mira", 1 << 20);
        sha256 = Sha256.of(MessageDigest.getInstance("SHA-256").digest(BODY));
    }

    @Test
    void aNewUploadIsStoredExaminedAndRecordedOnce() {
        UploadProtocol.Uploaded<String> uploaded = protocol.upload(body(), sha256, BODY.length,
                this::earlierRow, this::recordRow);

        assertThat(uploaded).isEqualTo(new UploadProtocol.Uploaded<>("row 1", true));
        assertThat(rows).containsExactly("row 1");
        assertThat(examined).containsExactly(sha256.hex());
        assertThat(store.contains(sha256)).isTrue();
    }

    @Test
    void aRetryReadsTheBodyButAnswersWithTheEarlierRecordUnexamined() {
        rows.add("row 1");
        ReadCounting body = new ReadCounting(BODY);

        UploadProtocol.Uploaded<String> uploaded = protocol.upload(body, sha256, BODY.length,
                this::earlierRow, this::recordRow);

        assertThat(uploaded).isEqualTo(new UploadProtocol.Uploaded<>("row 1", false));
        assertThat(rows).containsExactly("row 1");
        assertThat(examined).isEmpty();
        assertThat(body.bytesRead).isEqualTo(BODY.length);
    }

    @Test
    void aRefusalBeforeTheBodyReadsNoByteAndStoresNothing() {
        ReadCounting body = new ReadCounting(BODY);

        assertThatThrownBy(() -> protocol.upload(body, sha256, BODY.length,
                () -> { throw new Conflict("fileName", "taken"); }, this::recordRow))
                .isInstanceOf(Conflict.class);
        assertThat(body.bytesRead).isZero();
        assertThat(store.contains(sha256)).isFalse();
    }

    @Test
    void aBodyThatDoesNotHashToTheDeclaredDigestIsNeitherExaminedNorRecorded() {
        assertThatThrownBy(() -> protocol.upload(new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8)),
                sha256, -1, this::earlierRow, this::recordRow))
                .isInstanceOf(UploadRejected.class);
        assertThat(examined).isEmpty();
        assertThat(rows).isEmpty();
    }

    @Test
    void aClashWithAConcurrentUploadAnswersWithWhatTheOtherRecorded() {
        UploadProtocol.Uploaded<String> uploaded = protocol.upload(body(), sha256, BODY.length, this::earlierRow,
                blob -> () -> {
                    rows.add("the other's row");
                    throw clash();
                });

        assertThat(uploaded).isEqualTo(new UploadProtocol.Uploaded<>("the other's row", false));
    }

    @Test
    void aClashThatLeftNoRecordRunsTheSameTransactionOnceMoreWithoutExaminingAgain() {
        int[] attempts = {0};
        UploadProtocol.Uploaded<String> uploaded = protocol.upload(body(), sha256, BODY.length, this::earlierRow,
                blob -> {
                    examined.add(blob.sha256().hex());
                    return () -> {
                        if (attempts[0]++ == 0) {
                            throw clash();
                        }
                        rows.add("row " + attempts[0]);
                        return "row " + attempts[0];
                    };
                });

        assertThat(uploaded).isEqualTo(new UploadProtocol.Uploaded<>("row 2", true));
        assertThat(examined).hasSize(1);
    }

    @Test
    void anyOtherFailureOfTheTransactionIsTheCallers() {
        assertThatThrownBy(() -> protocol.upload(body(), sha256, BODY.length, this::earlierRow,
                blob -> () -> { throw new IllegalStateException("disk full"); }))
                .hasMessage("disk full");
    }

    @Test
    void anExaminationThatRefusesTheFileRecordsNothingAndLeavesTheBlobToTheSweeper() {
        assertThatThrownBy(() -> protocol.upload(body(), sha256, BODY.length, this::earlierRow,
                blob -> { throw new IllegalArgumentException("not junit"); }))
                .hasMessage("not junit");
        assertThat(rows).isEmpty();
        assertThat(store.contains(sha256)).isTrue();
    }

    private Optional<String> earlierRow() {
        return rows.stream().findFirst();
    }

    private Supplier<String> recordRow(StoredBlob blob) {
        examined.add(blob.sha256().hex());
        assertThat(Files.isRegularFile(store.existing(blob.sha256(), "the upload"))).isTrue();
        return () -> {
            String row = "row " + (rows.size() + 1);
            rows.add(row);
            return row;
        };
    }

    private static InputStream body() {
        return new ByteArrayInputStream(BODY);
    }

    private static RuntimeException clash() {
        return new RuntimeException("commit failed", new SQLException("duplicate", "23505"));
    }

    private static final class ReadCounting extends ByteArrayInputStream {
        int bytesRead;

        ReadCounting(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            bytesRead += Math.max(n, 0);
            return n;
        }
    }
}
