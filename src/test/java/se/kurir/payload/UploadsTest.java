package se.kurir.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import se.kurir.support.MovableClock;

/** Resumable uploads on the real migrations (JDBC slice): what survives a restart, and expiry. */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class UploadsTest {

    static final String FK = "2021005521";

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();

    @BeforeEach
    void noUploadsYet() {
        jdbc.update("DELETE FROM uploads");
    }

    Uploads uploads() throws Exception {
        PayloadProperties properties = new PayloadProperties(dir, DataSize.ofMegabytes(1), Duration.ofHours(24),
                DataSize.ofKilobytes(64));
        return new Uploads(new UploadRepository(jdbc), new PayloadStore(properties,
                new InlinePayloadRepository(jdbc)), properties, clock);
    }

    @Test
    void whatWasReceivedSurvivesARestartAndCompletesIntoTheStore() throws Exception {
        Upload upload = uploads().create(FK, "manadsfil-utbetalningar", "text/csv", 100);
        uploads().append(FK, upload.uploadId(), 0, new ByteArrayInputStream("0123456789".getBytes()));

        Uploads afterRestart = uploads();
        assertThat(afterRestart.status(FK, upload.uploadId()).received()).isEqualTo(10);
        afterRestart.append(FK, upload.uploadId(), 5, new ByteArrayInputStream("56789abc".getBytes()));
        StoredPayload stored = afterRestart.complete(FK, upload.uploadId(),
                Sha256.hex(digestOf("0123456789abc".getBytes())));

        assertThat(stored.size()).isEqualTo(13);
        try (var in = new PayloadStore(new PayloadProperties(dir, DataSize.ofMegabytes(1), Duration.ofHours(1),
                DataSize.ofKilobytes(64)), new InlinePayloadRepository(jdbc)).open(stored.sha256())) {
            assertThat(new String(in.readAllBytes())).isEqualTo("0123456789abc");
        }
        // Completed again (the first admission failed, say): the same payload, from the store.
        assertThat(afterRestart.complete(FK, upload.uploadId(), stored.sha256())).isEqualTo(stored);
    }

    @Test
    void anUploadNotCompletedInTimeIsRemovedWithItsBytes() throws Exception {
        Uploads uploads = uploads();
        Upload stale = uploads.create(FK, "manadsfil-utbetalningar", "text/csv", 100);
        uploads.append(FK, stale.uploadId(), 0, new ByteArrayInputStream(new byte[42]));
        clock.advance(Duration.ofHours(23));
        Upload fresh = uploads.create(FK, "manadsfil-utbetalningar", "text/csv", 100);

        clock.advance(Duration.ofHours(2));
        assertThat(uploads.purgeExpired()).isEqualTo(1);

        assertThatThrownBy(() -> uploads.status(FK, stale.uploadId())).isInstanceOf(UploadException.class)
                .extracting(e -> ((UploadException) e).kind()).isEqualTo(UploadException.Kind.NOT_FOUND);
        assertThat(dir.resolve("uploads").resolve(stale.uploadId() + ".part")).doesNotExist();
        assertThat(uploads.status(FK, fresh.uploadId()).received()).isZero();
    }

    private static java.security.MessageDigest digestOf(byte[] bytes) {
        var digest = Sha256.newDigest();
        digest.update(bytes);
        return digest;
    }
}
